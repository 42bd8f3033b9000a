import type { Article, ContentBundle, SituationId, StageId, ThemeId } from "../../domain/content/schema.js";
import type { Database, Queryable } from "../db/database.js";

const CONTENT_LOCK = 1_000_002;

/**
 * Replaces the stored content with `bundle` in one transaction, unless that version is already loaded.
 * Readers never see a half-loaded catalogue. Returns true when something changed.
 */
export async function syncContent(db: Database, bundle: ContentBundle): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [CONTENT_LOCK]);
    const [current] = await tx.query<{ version: string }>("SELECT version FROM content_release WHERE id = 1");
    if (current?.version === bundle.version) return false;
    await tx.exec("DELETE FROM article; DELETE FROM stage; DELETE FROM theme; DELETE FROM situation;");
    for (const s of bundle.stages)
      await tx.query("INSERT INTO stage (id, position, title, period, description) VALUES ($1, $2, $3, $4, $5)", [s.id, s.order, s.title, s.period, s.description]);
    for (const [i, t] of bundle.themes.entries()) await tx.query("INSERT INTO theme (id, position, title) VALUES ($1, $2, $3)", [t.id, i, t.title]);
    for (const [i, s] of bundle.situations.entries()) await tx.query("INSERT INTO situation (id, position, title) VALUES ($1, $2, $3)", [s.id, i, s.title]);
    for (const [i, a] of bundle.articles.entries()) await insertArticle(tx, i, a);
    await tx.query(
      "INSERT INTO content_release (id, version, loaded_at) VALUES (1, $1, now()) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, loaded_at = now()",
      [bundle.version],
    );
    return true;
  });
}

async function insertArticle(tx: Queryable, position: number, a: Article): Promise<void> {
  await tx.query(
    `INSERT INTO article (id, position, title, summary, key_message, stages, themes, situations, audience, sources, reviewed, next_review, html, body_text, essential)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [a.id, position, a.title, a.summary, a.keyMessage, a.stages, a.themes, a.situations, a.audience, JSON.stringify(a.sources), a.reviewed, a.nextReview, a.html, a.text, a.essential],
  );
}

interface ArticleRow {
  id: string;
  title: string;
  summary: string;
  key_message: string;
  stages: StageId[];
  themes: ThemeId[];
  situations: SituationId[];
  audience: Article["audience"];
  sources: Article["sources"];
  reviewed: string;
  next_review: string;
  html: string;
  body_text: string;
  essential: boolean;
}

const ARTICLE_COLUMNS =
  "id, title, summary, key_message, stages, themes, situations, audience, sources, reviewed::text AS reviewed, next_review::text AS next_review, html, body_text, essential";

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    keyMessage: r.key_message,
    stages: r.stages,
    themes: r.themes,
    situations: r.situations,
    audience: r.audience,
    sources: typeof r.sources === "string" ? JSON.parse(r.sources) : r.sources,
    reviewed: r.reviewed,
    nextReview: r.next_review,
    essential: r.essential,
    html: r.html,
    text: r.body_text,
  };
}

export async function readContentBundle(db: Queryable): Promise<ContentBundle | null> {
  const [release] = await db.query<{ version: string }>("SELECT version FROM content_release WHERE id = 1");
  if (!release) return null;
  const stages = await db.query<ContentBundle["stages"][number]>("SELECT id, position AS \"order\", title, period, description FROM stage ORDER BY position");
  const themes = await db.query<ContentBundle["themes"][number]>("SELECT id, title FROM theme ORDER BY position");
  const situations = await db.query<ContentBundle["situations"][number]>("SELECT id, title FROM situation ORDER BY position");
  const articles = (await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM article ORDER BY position`)).map(toArticle);
  return { version: release.version, stages, themes, situations, articles };
}

/** The content bundle as served, read again only when its version changed (one small query a call). */
export function contentReader(db: Queryable): () => Promise<ContentBundle | null> {
  let kept: ContentBundle | null = null;
  return async () => {
    const [release] = await db.query<{ version: string }>("SELECT version FROM content_release WHERE id = 1");
    if (!release) return null;
    if (kept?.version !== release.version) kept = await readContentBundle(db);
    return kept;
  };
}

export interface ArticleQuery {
  stage?: StageId | undefined;
  theme?: ThemeId | undefined;
  situation?: SituationId | undefined;
}

/** Articles matching every given criterion; with `situation`, also the articles meant for everyone. */
export async function findArticles(db: Queryable, query: ArticleQuery): Promise<Article[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.stage) where.push(`$${params.push(query.stage)} = ANY(stages)`);
  if (query.theme) where.push(`$${params.push(query.theme)} = ANY(themes)`);
  if (query.situation) where.push(`(cardinality(situations) = 0 OR $${params.push(query.situation)} = ANY(situations))`);
  const sql = `SELECT ${ARTICLE_COLUMNS} FROM article ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY position`;
  return (await db.query<ArticleRow>(sql, params)).map(toArticle);
}

export async function findArticle(db: Queryable, id: string): Promise<Article | null> {
  const [row] = await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM article WHERE id = $1`, [id]);
  return row ? toArticle(row) : null;
}
