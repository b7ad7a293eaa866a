/**
 * Stroke icons for the theme taxonomy's icon names (Vant icon names in
 * src/ingest/themes.json), drawn on a 24×24 grid. Drawn here because the Vant
 * icon font alone costs ~28 KB gzipped of the first-load budget; unknown names
 * fall back to a tag.
 */
export const THEME_ICON_PATHS: Record<string, string> = {
  'phone-o': 'M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2',
  'apps-o': 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
  'exchange': 'M4 8h14l-4-4M20 16H6l4 4',
  'certificate': 'M5 3h14v12H5zM8 7h8M8 10h5M10 15l-1 6 3-2 3 2-1-6',
  'bar-chart-o': 'M4 20h16M7 17v-6M12 17V6M17 17v-9',
  'shop-o': 'M4 9l2-5h12l2 5M4 9h16M5 9v11h14V9M10 20v-5h4v5',
  'setting-o': 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
  'newspaper-o': 'M4 5h13v14H6a2 2 0 0 1-2-2zM17 9h3v8a2 2 0 0 1-2 2M7 9h7M7 12h7M7 15h4',
  'bulb-o': 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  'phone-circle-o': 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM9 7l2 3-1.5 1.5a6 6 0 0 0 3 3L14 13l3 2-1 2c-4 0-8-4-8-8z',
  'shield-o': 'M12 3l8 3v6c0 4.5-3.5 8-8 9-4.5-1-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  'desktop-o': 'M3 4h18v12H3zM8 21h8M12 16v5',
  'home-o': 'M3 11l9-7 9 7M5 9.5V20h5v-6h4v6h5V9.5',
  'hotel-o': 'M3 21h18M5 21V9l7-5 7 5v12M9 21v-5h6v5M9 11h.01M15 11h.01',
  'notes-o': 'M6 3h12v18H6zM9 7h6M9 11h6M9 15h4',
  'cluster-o': 'M7 18a4 4 0 0 1-.5-8 5.5 5.5 0 0 1 10.7 1A3.5 3.5 0 0 1 17 18z',
  'balance-o': 'M12 3v18M5 21h14M4 7h16M7 7l-3 7a3 3 0 0 0 6 0zM17 7l-3 7a3 3 0 0 0 6 0z',
  'friends-o': 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14a6.5 6.5 0 0 1 3.5 6',
}

export const FALLBACK_THEME_ICON = 'M3 12V4h8l10 10-8 8zM7.5 7.5h.01'

/** The stroke path for a theme's icon name. */
export function themeIconPath(name: string): string {
  return THEME_ICON_PATHS[name] ?? FALLBACK_THEME_ICON
}
