import { useEffect, useRef } from "react";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { PlaceFeature } from "./places-api.js";

/**
 * The map beside the list (Leaflet, loaded only on this page). Markers are vector circles, so they
 * show without any image; the background tiles only when a tile source is configured and reachable.
 * Screen-reader and keyboard users get everything from the list: the map is hidden from them.
 */
export default function PlaceMap({
  center,
  places,
  tilesUrl,
  attribution,
  onSelect,
}: {
  center: { lat: number; lon: number };
  places: PlaceFeature[];
  tilesUrl: string | null;
  attribution: string | null;
  onSelect(id: string): void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!element.current) return;
    // No keyboard handling, zoom buttons or attribution links inside the map: nothing in it takes the focus
    // (pinch and wheel still zoom); the tiles' attribution is written below the map.
    map.current = L.map(element.current, { keyboard: false, zoomControl: false, attributionControl: false }).setView([center.lat, center.lon], 12);
    if (tilesUrl) L.tileLayer(tilesUrl, { maxZoom: 19 }).addTo(map.current);
    layer.current = L.layerGroup().addTo(map.current);
    return () => {
      map.current?.remove();
      map.current = null;
    };
    // The map is created once; later changes go through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const group = layer.current;
    if (!map.current || !group) return;
    group.clearLayers();
    L.circleMarker([center.lat, center.lon], { radius: 6, color: "#000091", fillOpacity: 1 }).addTo(group);
    for (const place of places) {
      const [lon, lat] = place.geometry.coordinates;
      L.circleMarker([lat, lon], { radius: 8, color: place.properties.approximate ? "#b34000" : "#6a6af4", fillOpacity: 0.7 })
        .bindTooltip(place.properties.name)
        .on("click", () => onSelect(place.id))
        .addTo(group);
    }
    const bounds = L.latLngBounds([[center.lat, center.lon], ...places.map((p) => [p.geometry.coordinates[1], p.geometry.coordinates[0]] as [number, number])]);
    map.current.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  }, [center, places, onSelect]);

  return (
    <>
      <div ref={element} className="mj-map" aria-hidden="true" />
      {tilesUrl && attribution && <p className="fr-text--xs">Fond de carte : {attribution}</p>}
    </>
  );
}
