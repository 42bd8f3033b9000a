import type { TranslationLanguage, TranslationStatus } from "./languages.js";

/**
 * What a reader sees about a translated text, in the text's own language: its review status, the way back to the
 * French original, and the note shown when a text is not translated. Machine-assisted like the texts themselves.
 * FALC drafts say they are not yet reviewed by people concerned (Inclusion Europe's
 * conditions of the European easy-to-read logo: https://easy-to-read.inclusion-europe.eu/pl/european-logo/).
 */
export interface TranslationLabels {
  toReview: string;
  reviewed: (date: string, reviewer: string) => string;
  original: string;
  fallback: string;
}

export const translationLabels: Record<TranslationLanguage, TranslationLabels> = {
  falc: {
    toReview: "Version simplifiée — pas encore relue par des personnes concernées",
    reviewed: (date, reviewer) => `Facile à lire — relu le ${date} par ${reviewer}`,
    original: "Lire le texte complet en français",
    fallback: "Ce texte n'existe pas encore en version simplifiée. Voici le texte en français courant.",
  },
  en: {
    toReview: "Translation to be reviewed (machine-assisted)",
    reviewed: (date, reviewer) => `Translation reviewed on ${date} by ${reviewer}`,
    original: "Read the original in French",
    fallback: "This article is not translated into English yet. Here is the French version.",
  },
  ar: {
    toReview: "ترجمة بمساعدة آلية، في انتظار المراجعة",
    reviewed: (date, reviewer) => `راجع الترجمة ${reviewer} بتاريخ ${date}`,
    original: "قراءة النص الأصلي بالفرنسية",
    fallback: "هذا المقال غير مترجم إلى العربية بعد. إليك النسخة الفرنسية.",
  },
  prs: {
    toReview: "ترجمه با کمک ماشین، هنوز بازبینی نشده است",
    reviewed: (date, reviewer) => `ترجمه در تاریخ ${date} توسط ${reviewer} بازبینی شد`,
    original: "خواندن متن اصلی به زبان فرانسوی",
    fallback: "این مقاله هنوز به دری ترجمه نشده است. این نسخهٔ فرانسوی آن است.",
  },
  tr: {
    toReview: "Makine destekli çeviri, henüz gözden geçirilmedi",
    reviewed: (date, reviewer) => `Çeviri ${date} tarihinde ${reviewer} tarafından gözden geçirildi`,
    original: "Fransızca aslını okuyun",
    fallback: "Bu makale henüz Türkçeye çevrilmedi. İşte Fransızca hâli.",
  },
  pt: {
    toReview: "Tradução assistida por máquina, ainda por rever",
    reviewed: (date, reviewer) => `Tradução revista em ${date} por ${reviewer}`,
    original: "Ler o original em francês",
    fallback: "Este artigo ainda não está traduzido para português. Eis a versão em francês.",
  },
  uk: {
    toReview: "Машинний переклад, ще не перевірений",
    reviewed: (date, reviewer) => `Переклад перевірено ${date}, перевіряв(ла): ${reviewer}`,
    original: "Читати оригінал французькою",
    fallback: "Ця стаття ще не перекладена українською. Ось французька версія.",
  },
};

/** The French wording of a status, shown beside the translated one so that a professional can read it too. */
export function frenchStatusLabel(status: TranslationStatus, falc: boolean, formatDate: (iso: string) => string): string {
  if (status.status === "relu") return `Relu le ${formatDate(status.reviewedOn)} par ${status.reviewer}`;
  return falc ? "Version simplifiée — pas encore relue par des personnes concernées" : "Traduction à relire";
}
