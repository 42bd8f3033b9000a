import { i18n } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { shared } from "../../i18n/messages.js";
import type { AgendaItem } from "./useCalendar.js";
import { dueNotifications } from "./due-notifications.js";

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

export async function sendDueNotifications(items: AgendaItem[], today: string, done: ReadonlySet<string>): Promise<number> {
  if (!notificationsEnabled()) return 0;
  const sent = new Set<string>(JSON.parse(localStorage.getItem(SENT) ?? "[]") as string[]);
  const due = dueNotifications(items, today, done, sent);
  const registration = await navigator.serviceWorker.getRegistration();
  for (const item of due) {
    const title = item.title;
    const body = item.start === today ? i18n._(msg`Aujourd'hui : ${title}`) : i18n._(msg`Demain : ${title}`);
    const options = { body, tag: item.id, lang: i18n.locales?.[0] ?? i18n.locale, icon: "/dsfr/favicon/apple-touch-icon.png" };
    const appName = i18n._(shared.appName);
    if (registration) await registration.showNotification(appName, options);
    else new Notification(appName, options);
    sent.add(`${item.id}@${item.start}`);
  }
  // Keep the list short: only what could still be due.
  localStorage.setItem(SENT, JSON.stringify([...sent].filter((key) => key.slice(key.lastIndexOf("@") + 1) >= today)));
  return due.length;
}
