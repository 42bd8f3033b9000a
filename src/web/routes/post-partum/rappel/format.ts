/** « 48 heures », « 2 jours »: the service's stated delay in words. */
export function delayInWords(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) {
    const days = hours / 24;
    return `${days} jour${days > 1 ? "s" : ""}`;
  }
  return `${hours} heure${hours > 1 ? "s" : ""}`;
}

/** « 30 jours », « 1 jour »: a retention delay of the server, rounded up to whole days (a shorter one is still kept at most that long). */
export function daysInWords(days: number): string {
  const whole = Math.max(1, Math.ceil(days));
  return `${whole} jour${whole > 1 ? "s" : ""}`;
}

/** « mercredi 3 décembre à 14:30 », in the device's own time zone (where the parent is). */
export function momentInWords(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long" }).format(date);
  const time = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit" }).format(date);
  return `${day} à ${time}`;
}

/** « 06 12 34 56 78 » for a normalised 10-digit number. */
export function phoneInWords(phone: string): string {
  return /^\d{10}$/.test(phone) ? phone.replace(/(\d{2})(?=\d)/g, "$1 ") : phone;
}

/** « 5 minutes », « 24 heures »: how long to wait before trying again (a Retry-After in seconds). */
export function waitInWords(seconds: number): string {
  if (seconds > 3600) {
    const hours = Math.ceil(seconds / 3600);
    return `${hours} heures`;
  }
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}
