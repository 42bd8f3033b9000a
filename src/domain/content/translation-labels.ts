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
  /** The text exists but is not on this device and there is no connection: the French text shows meanwhile. */
  unavailable: string;
  /** The interface's words in this language are not on this device and there is no connection: French shows meanwhile. */
  interfaceUnavailable: string;
}

export const translationLabels: Record<TranslationLanguage, TranslationLabels> = {
  falc: {
    toReview: "Version simplifiée — pas encore relue par des personnes concernées",
    reviewed: (date, reviewer) => `Facile à lire — relu le ${date} par ${reviewer}`,
    original: "Lire le texte complet en français",
    fallback: "Ce texte n'existe pas encore en version simplifiée. Voici le texte en français courant.",
    unavailable: "Le texte simplifié n'est pas sur ce téléphone. Il faut Internet pour le charger. Voici le texte en français courant.",
    interfaceUnavailable: "Les mots simplifiés de l'application ne sont pas sur ce téléphone. Il faut Internet pour les charger. En attendant, vous lisez le français courant.",
  },
  en: {
    toReview: "Translation to be reviewed (machine-assisted)",
    reviewed: (date, reviewer) => `Translation reviewed on ${date} by ${reviewer}`,
    original: "Read the original in French",
    fallback: "This article is not translated into English yet. Here is the French version.",
    unavailable: "The English text is not on this device yet and there is no connection. Here is the French version for now.",
    interfaceUnavailable: "This page cannot be shown in English: the English words are not on this device yet and there is no connection. It shows in French until you are back online.",
  },
  ar: {
    toReview: "ترجمة بمساعدة آلية، في انتظار المراجعة",
    reviewed: (date, reviewer) => `راجع الترجمة ${reviewer} بتاريخ ${date}`,
    original: "قراءة النص الأصلي بالفرنسية",
    fallback: "هذا المقال غير مترجم إلى العربية بعد. إليك النسخة الفرنسية.",
    unavailable: "النص العربي غير موجود على هذا الجهاز بعد، ولا يوجد اتصال بالإنترنت. إليك النسخة الفرنسية في الوقت الحالي.",
    interfaceUnavailable: "لا يمكن عرض هذه الصفحة بالعربية: الكلمات العربية غير موجودة على هذا الجهاز بعد، ولا يوجد اتصال بالإنترنت. تظهر بالفرنسية إلى أن يعود الاتصال.",
  },
  prs: {
    toReview: "ترجمه با کمک ماشین، هنوز بازبینی نشده است",
    reviewed: (date, reviewer) => `ترجمه در تاریخ ${date} توسط ${reviewer} بازبینی شد`,
    original: "خواندن متن اصلی به زبان فرانسوی",
    fallback: "این مقاله هنوز به دری ترجمه نشده است. این نسخهٔ فرانسوی آن است.",
    unavailable: "متن دری هنوز روی این دستگاه نیست و اتصال انترنت وجود ندارد. فعلاً نسخهٔ فرانسوی آن این است.",
    interfaceUnavailable: "این صفحه به دری نشان داده نمی‌شود: کلمات دری هنوز روی این دستگاه نیست و اتصال انترنت وجود ندارد. تا وصل شدن دوباره، به فرانسوی نشان داده می‌شود.",
  },
  tr: {
    toReview: "Makine destekli çeviri, henüz gözden geçirilmedi",
    reviewed: (date, reviewer) => `Çeviri ${date} tarihinde ${reviewer} tarafından gözden geçirildi`,
    original: "Fransızca aslını okuyun",
    fallback: "Bu makale henüz Türkçeye çevrilmedi. İşte Fransızca hâli.",
    unavailable: "Türkçe metin henüz bu cihazda yok ve internet bağlantısı yok. Şimdilik Fransızca hâli burada.",
    interfaceUnavailable: "Bu sayfa Türkçe gösterilemiyor: Türkçe kelimeler henüz bu cihazda yok ve internet bağlantısı yok. Bağlantı geri gelene kadar Fransızca gösteriliyor.",
  },
  pt: {
    toReview: "Tradução assistida por máquina, ainda por rever",
    reviewed: (date, reviewer) => `Tradução revista em ${date} por ${reviewer}`,
    original: "Ler o original em francês",
    fallback: "Este artigo ainda não está traduzido para português. Eis a versão em francês.",
    unavailable: "O texto em português ainda não está neste aparelho e não há ligação à internet. Por agora, eis a versão em francês.",
    interfaceUnavailable: "Esta página não pode ser mostrada em português: as palavras em português ainda não estão neste aparelho e não há ligação à internet. Aparece em francês até voltar a ligação.",
  },
  uk: {
    toReview: "Машинний переклад, ще не перевірений",
    reviewed: (date, reviewer) => `Переклад перевірено ${date}, перевіряв(ла): ${reviewer}`,
    original: "Читати оригінал французькою",
    fallback: "Ця стаття ще не перекладена українською. Ось французька версія.",
    unavailable: "Українського тексту ще немає на цьому пристрої, і немає з'єднання з інтернетом. Поки що ось французька версія.",
    interfaceUnavailable: "Цю сторінку не можна показати українською: українських слів ще немає на цьому пристрої, і немає з'єднання з інтернетом. Вона показується французькою, доки не з'явиться з'єднання.",
  },
};

/** The French notes, shown under the same note in the reader's language so that a professional can read it too. */
export const frenchNotes = {
  fallback: "Cet article n'est pas encore traduit : voici la version française.",
  unavailable: "Le texte traduit n'est pas encore sur cet appareil et il n'y a pas de connexion : voici la version française en attendant.",
  interfaceUnavailable:
    "Les mots de cette langue ne sont pas encore sur cet appareil et il n'y a pas de connexion : la page s'affiche en français en attendant.",
} as const;

/** The French wording of a status, shown beside the translated one so that a professional can read it too. */
export function frenchStatusLabel(status: TranslationStatus, falc: boolean, formatDate: (iso: string) => string): string {
  if (status.status === "relu") return `Relu le ${formatDate(status.reviewedOn)} par ${status.reviewer}`;
  return falc ? "Version simplifiée — pas encore relue par des personnes concernées" : "Traduction à relire";
}
