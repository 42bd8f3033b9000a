import { addDays } from "../../../domain/dates.js";
import type { AgendaItem } from "./useCalendar.js";

/**
 * Optional browser notifications, computed on the device: when the app opens, one notification per
 * calendar event that starts today or tomorrow and was not notified yet. Nothing goes through a server
 * (there is no push service): a notification shows only when the parent opens the app.
 */
const ENABLED = "mille-jours:notifications";
const SENT = "mille-jours:notifications-envoyees";

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window && "serviceWorker" in navigator;
}

export function notificationsEnabled(): boolean {
  return notificationsSupported() && Notification.permission === "granted" && localStorage.getItem(ENABLED) === "1";
}

/** Asks the browser's permission (only when the parent presses the button). */
export async function enableNotifications(): Promise<boolean> {
  if (!notificationsSupported()) return false;
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return false;
  localStorage.setItem(ENABLED, "1");
  return true;
}

export function disableNotifications(): void {
  localStorage.removeItem(ENABLED);
}

/** Events to announce: starting today or tomorrow, not done, not announced before. */
export function dueNotifications(items: AgendaItem[], today: string, done: ReadonlySet<string>, sent: ReadonlySet<string>): AgendaItem[] {
  const tomorrow = addDays(today, 1);
  return items.filter((i) => (i.start === today || i.start === tomorrow) && !done.has(i.id) && !sent.has(`${i.id}@${i.start}`));
}

export async function sendDueNotifications(items: AgendaItem[], today: string, done: ReadonlySet<string>): Promise<number> {
  if (!notificationsEnabled()) return 0;
  const sent = new Set<string>(JSON.parse(localStorage.getItem(SENT) ?? "[]") as string[]);
  const due = dueNotifications(items, today, done, sent);
  const registration = await navigator.serviceWorker.getRegistration();
  for (const item of due) {
    const when = item.start === today ? "Aujourd'hui" : "Demain";
    const options = { body: `${when} : ${item.title}`, tag: item.id, lang: "fr", icon: "/dsfr/favicon/apple-touch-icon.png" };
    if (registration) await registration.showNotification("Mille Jours", options);
    else new Notification("Mille Jours", options);
    sent.add(`${item.id}@${item.start}`);
  }
  // Keep the list short: only what could still be due.
  localStorage.setItem(SENT, JSON.stringify([...sent].filter((key) => key.slice(key.lastIndexOf("@") + 1) >= today)));
  return due.length;
}
