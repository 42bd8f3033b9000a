import { useEffect, useRef } from "react";
import L from "leaflet";
import { useLingui } from "@lingui/react/macro";
import "leaflet/dist/leaflet.css";
import type { PlaceFeature } from "./places-api.js";
import { placeTypeLabel } from "./place-type-text.js";
import { loadCommunes } from "./places-api.js";
import type { CompactCommune } from "../../../domain/geo/commune-search.js";

interface DepartementsFile {
  type: "FeatureCollection";
  features: { type: "Feature"; properties: { code: string; nom: string; label: [number, number] }; geometry: GeoJSON.MultiPolygon }[];
}

/** Below this zoom the background names départements; from it on, communes. */
const COMMUNE_ZOOM = 9;
/** Labels closer than this (screen pixels) to a more populated one are left out. */
const LABEL_SPACING = 70;
const MAX_LABELS = 40;

/**
 * The map beside the list (Leaflet, loaded only on this page).
 *
 * Background: with no tile source configured (MAP_TILES_URL), an embedded one that needs no external
 * service — the outlines and names of the départements (`data/map/departements.json`, IGN ADMIN EXPRESS
 * via france-geojson, simplified) and the names of the communes in view (the shipped commune list, most
 * populated first). With a tile source, its tiles.
 *
 * Keyboard: the map itself takes the focus (arrows pan, + and − zoom), the zoom buttons are buttons, and
 * each place is a button (Tab reaches it, its name shows in a tooltip, Enter opens its page). Everything
 * is also in the list beside the map.
 */
export default function PlaceMap({
  center,
  places,
  tilesUrl,
  onOpen,
}: {
  center: { lat: number; lon: number };
  places: PlaceFeature[];
  tilesUrl: string | null;
  onOpen(id: string): void;
}) {
  const { t } = useLingui();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { zoomControl: false, attributionControl: false, keyboard: true, minZoom: 4, maxZoom: 18 }).setView(
      [center.lat, center.lon],
      12,
    );
    map.current = m;
    // Right-to-left pages put the zoom buttons on the left, where their reading starts (and away from the scroll thumb).
    const rtl = getComputedStyle(element.current).direction === "rtl";
    L.control.zoom({ position: rtl ? "topleft" : "topright", zoomInTitle: t`Zoomer`, zoomOutTitle: t`Dézoomer` }).addTo(m);
    const labels = L.layerGroup().addTo(m);
    let cancelled = false;
    if (tilesUrl) L.tileLayer(tilesUrl, { maxZoom: 19 }).addTo(m);
    else {
      let departements: DepartementsFile | null = null;
      let communes: CompactCommune[] | null = null;
      const drawLabels = () => {
        labels.clearLayers();
        const bounds = m.getBounds().pad(0.1);
        const candidates: { name: string; at: L.LatLng; weight: number; kind: string }[] =
          m.getZoom() < COMMUNE_ZOOM
            ? (departements?.features ?? []).map((f) => ({
                name: f.properties.nom,
                at: L.latLng(f.properties.label[1], f.properties.label[0]),
                weight: 1,
                kind: "departement",
              }))
            : (communes ?? []).map((c) => ({ name: c[1], at: L.latLng(c[3], c[4]), weight: c[5], kind: "commune" }));
        const kept: L.Point[] = [];
        for (const c of candidates.filter((c) => bounds.contains(c.at)).sort((a, b) => b.weight - a.weight)) {
          const p = m.latLngToContainerPoint(c.at);
          if (kept.some((k) => k.distanceTo(p) < LABEL_SPACING)) continue;
          kept.push(p);
          L.marker(c.at, {
            icon: L.divIcon({ className: `mj-map-label mj-map-label--${c.kind}`, html: escapeHtml(c.name), iconSize: undefined }),
            interactive: false,
            keyboard: false,
          }).addTo(labels);
          if (kept.length >= MAX_LABELS) break;
        }
      };
      void import("../../../../data/map/departements.json").then((file) => {
        if (cancelled) return;
        departements = file.default as unknown as DepartementsFile;
        L.geoJSON(departements as unknown as GeoJSON.FeatureCollection, {
          interactive: false,
          style: { color: "#7b7b7b", weight: 1, fillColor: "#f6f6f6", fillOpacity: 1 },
        })
          .addTo(m)
          .bringToBack();
        drawLabels();
      });
      loadCommunes().then(
        (list) => {
          if (cancelled) return;
          communes = list;
          drawLabels();
        },
        () => undefined,
      );
      // Leaflet ends every zoom with a moveend too: listening to zoomend as well drew the labels twice.
      m.on("moveend", drawLabels);
    }
    layer.current = L.layerGroup().addTo(m);
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
    };
    // The map is created once; later changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const group = layer.current;
    if (!map.current || !group) return;
    group.clearLayers();
    L.marker([center.lat, center.lon], {
      icon: L.divIcon({ className: "mj-map-center", iconSize: [14, 14] }),
      interactive: false,
      keyboard: false,
    }).addTo(group);
    for (const place of places) {
      const [lon, lat] = place.geometry.coordinates;
      const name = place.properties.name;
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({ className: `mj-map-place${place.properties.approximate ? " mj-map-place--approximate" : ""}`, iconSize: [24, 24] }),
        keyboard: true,
        riseOnHover: true,
      })
        .bindTooltip(name, { direction: "auto", className: "mj-map-tooltip" })
        .on("click", () => open.current(place.id))
        .addTo(group);
      const icon = marker.getElement();
      const type = placeTypeLabel(place.properties.type, place.properties.type_label);
      icon?.setAttribute("aria-label", t`${name} (${type}) : ouvrir la fiche`);
      icon?.setAttribute("data-place-id", place.id);
      icon?.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation();
          open.current(place.id);
        }
      });
    }
    const bounds = L.latLngBounds([[center.lat, center.lon], ...places.map((p) => [p.geometry.coordinates[1], p.geometry.coordinates[0]] as [number, number])]);
    map.current.fitBounds(bounds, { padding: [56, 56], maxZoom: 14 });
  }, [center, places, t]);

  // Its attribution is the page's (PlacesPage), under the room kept for the map before it loads.
  return (
    <div
      ref={element}
      className="mj-place-map"
      role="region"
      aria-label={t`Carte des lieux : flèches pour se déplacer, + et − pour zoomer, Tab pour aller d'un lieu à l'autre`}
    />
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
