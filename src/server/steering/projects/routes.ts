import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { GRID_COLUMNS, gridToCsv } from "../../../domain/steering/grid.js";
import {
  csvFileResponse,
  gridImportBody,
  gridImportReportSchema,
  journalQuery,
  projectChangeBody,
  projectCreateBody,
  projectIdParams as idParams,
  projectsContract,
  projectsPageSchema,
  projectsQuery,
  PROJECTS_PAGE,
  storedProjectSchema,
  supportedListQuery,
  xlsxFileResponse,
} from "../../../domain/api/projects.js";
import { listAudit } from "../audit.js";
import { guard, sessionOf } from "../session/guard.js";
import type { SteeringContext } from "../context.js";
import { writeXlsx } from "../xlsx.js";
import type { ImportThread } from "../import-thread.js";
import { changeProject, createProject, importGrid, projectsPage, readProject, supportedProjectsList } from "./service.js";

/** The projects registry's routes: HTTP only; the rules are in ./service.ts and the domain. */
/** `imports`: the back office's import thread, where grid files are read (stopped with the server). */
export function projectRoutes(ctx: SteeringContext, imports: ImportThread): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : projets"];
    const anyone = guard(ctx);
    const writers = guard(ctx, ["national", "regional"]);

    app.get(
      "/pilotage/projets",
      {
        schema: {
          summary:
            "Projets, filtrés par région, thématique, année, financeur et statut, page par page, avec leur nombre et les totaux par thématique et par région",
          description: `Une page de \`limit\` projets (${PROJECTS_PAGE.default} par défaut, au plus ${PROJECTS_PAGE.max}) à partir du rang \`offset\` (0 par défaut), triés par région puis intitulé ; \`total\` et \`totals\` portent sur tous les projets filtrés.`,
          tags,
          querystring: projectsQuery,
          response: { 200: projectsPageSchema },
        },
        onRequest: anyone,
      },
      async (request, reply) => {
        const { limit, offset, ...filters } = request.query;
        const page = await projectsPage(ctx, sessionOf(request).account, filters, { limit, offset });
        reply.header("cache-control", "no-store");
        return page;
      },
    );

    app.get(
      "/pilotage/projets/:id",
      { schema: { summary: "Un projet", tags, params: idParams, response: { 200: storedProjectSchema } }, onRequest: anyone },
      async (request, reply) => {
        const project = await readProject(ctx, sessionOf(request).account, request.params.id);
        reply.header("cache-control", "no-store");
        return project;
      },
    );

    app.get(
      "/pilotage/projets/:id/journal",
      {
        schema: {
          summary: "Historique des modifications d'un projet (administration nationale)",
          tags,
          params: idParams,
          response: { 200: projectsContract["GET /pilotage/projets/:id/journal"].response },
        },
        onRequest: guard(ctx, ["national"]),
      },
      async (request) => listAudit(ctx.db, { projectId: request.params.id, limit: 200 }),
    );

    app.post(
      "/pilotage/projets",
      {
        schema: { summary: "Créer un projet", tags, body: projectCreateBody, response: { 201: storedProjectSchema } },
        onRequest: writers,
      },
      async (request, reply) => reply.status(201).send(await createProject(ctx, sessionOf(request).account, request.body.project)),
    );

    app.put(
      "/pilotage/projets/:id",
      {
        schema: {
          summary: "Modifier un projet (version attendue : refus si quelqu'un l'a modifié entre-temps)",
          tags,
          params: idParams,
          body: projectChangeBody,
          response: { 200: storedProjectSchema },
        },
        onRequest: writers,
      },
      async (request) => changeProject(ctx, sessionOf(request).account, request.params.id, request.body.version, request.body.project),
    );

    app.get(
      "/pilotage/liste-projets-soutenus.csv",
      {
        schema: {
          summary: "Liste annuelle des projets soutenus, régionale ou nationale, en CSV (grille documentée)",
          tags,
          querystring: supportedListQuery,
          response: { 200: csvFileResponse },
        },
        onRequest: anyone,
      },
      async (request, reply) => {
        const list = await supportedProjectsList(ctx, sessionOf(request).account, request.query);
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${list.name}.csv"`)
          .header("cache-control", "no-store")
          .send(gridToCsv(list.rows));
      },
    );

    app.get(
      "/pilotage/liste-projets-soutenus.xlsx",
      { schema: { summary: "La même liste au format XLSX", tags, querystring: supportedListQuery, response: { 200: xlsxFileResponse } }, onRequest: anyone },
      async (request, reply) => {
        const list = await supportedProjectsList(ctx, sessionOf(request).account, request.query);
        const names = GRID_COLUMNS.map((c) => c.name);
        const title = `Projets soutenus ${request.query.year} ${list.region ? `région ${list.region}` : "national"}`;
        const bytes = writeXlsx([names, ...list.rows.map((r) => names.map((n) => r[n]))], { sheetName: title, title, created: ctx.now() });
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${list.name}.xlsx"`)
          .header("cache-control", "no-store")
          .send(Buffer.from(bytes));
      },
    );

    app.post(
      "/pilotage/projets/import",
      {
        schema: {
          summary: "Importer la grille (CSV) : rapport ligne par ligne ; tout ou rien, en une transaction",
          tags,
          body: gridImportBody,
          response: { 200: gridImportReportSchema },
        },
        bodyLimit: 12 * 1024 * 1024,
        onRequest: writers,
      },
      async (request) => importGrid({ ...ctx, imports }, sessionOf(request).account, request.body),
    );

    app.get(
      "/pilotage/journal",
      {
        schema: {
          summary: "Journal des modifications (administration nationale)",
          tags,
          querystring: journalQuery,
          response: { 200: projectsContract["GET /pilotage/journal"].response },
        },
        onRequest: guard(ctx, ["national"]),
      },
      async (request) => listAudit(ctx.db, { limit: request.query.limit, ...(request.query.before ? { beforeId: request.query.before } : {}) }),
    );
  };
}
