/**
 * Line icons for tiles and buttons, drawn on a 24×24 grid with round 2 px strokes. Kept as path data
 * (not files) so they take the tile's text colour and need no extra requests.
 */
export const icons = {
  bill: ['M6 2h9l5 5v15H6z', 'M14 2v6h6', 'M9 11h7', 'M9 14h4', 'M9 18v1', 'M12 18v1', 'M14 18v1', 'M17 18v1'],
  history: ['M3 12a9 9 0 1 0 2.6-6.4L3 8', 'M3 3v5h5', 'M12 7v5l3 3'],
  previous: ['M9 3h8l4 4v11H9z', 'M16 3v5h5', 'M5 7v14h11', 'M12 11h5', 'M12 14h3'],
  login: ['M14 3h4a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-4', 'M9 17l5-5-5-5', 'M14 12H3'],
  register: ['M5 7a4 4 0 1 0 8 0a4 4 0 1 0-8 0', 'M2 21v-1a5 5 0 0 1 5-5h4a5 5 0 0 1 5 5v1', 'M19 8v6', 'M16 11h6'],
  wallet: ['M3 7a2 2 0 0 1 2-2h12v4', 'M3 7v11a2 2 0 0 0 2 2h15V9H5a2 2 0 0 1-2-2z', 'M16 14.5h1'],
  certificate: [
    'M12 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11z',
    'M8.5 12.8 7 21l5-2.8 5 2.8-1.5-8.2',
    'M10 8.5l1.5 1.5 2.8-3',
  ],
  ticket: ['M3 6h18v4a2 2 0 0 0 0 4v4H3v-4a2 2 0 0 0 0-4z', 'M14 6v2', 'M14 11v2', 'M14 16v2'],
  'ticket-list': ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4 6h.01', 'M4 12h.01', 'M4 18h.01'],
  staff: [
    'M4 6h16v15H4z',
    'M9 3h6v4H9z',
    'M12 14a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
    'M8 18.5c.8-1.5 2.2-2.2 4-2.2s3.2.7 4 2.2',
  ],
  touch: [
    'M9 11V5a2 2 0 0 1 4 0v6',
    'M13 10a2 2 0 0 1 4 0v2',
    'M17 11a2 2 0 0 1 4 0v4a7 7 0 0 1-7 7h-1.5a7 7 0 0 1-5.4-2.6L4 16a2 2 0 0 1 3-2.6l2 2',
  ],
  home: ['M3 11l9-8 9 8', 'M5 10v10h5v-6h4v6h5V10'],
  accessibility: ['M12 6.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M4 8.5l8 2 8-2', 'M12 10.5v4', 'M8.5 21l3.5-6.5 3.5 6.5'],
  speaker: ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 9a4 4 0 0 1 0 6', 'M19.5 6a8 8 0 0 1 0 12'],
  clock: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2'],
  back: ['M19 12H5', 'M11 6l-6 6 6 6'],
  print: ['M7 9V3h10v6', 'M7 18H4v-7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v7h-3', 'M7 14h10v7H7z'],
  pdf: ['M6 2h9l5 5v15H6z', 'M14 2v6h6', 'M12 11v7', 'M9 15l3 3 3-3'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
  phone: ['M7 2h10v20H7z', 'M11 18h2', 'M10 5h4'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  camera: ['M3 8h4l2-3h6l2 3h4v11H3z', 'M12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z'],
  usb: ['M8 10h8v11H8z', 'M10 3h4v7h-4z', 'M11 6h.01', 'M13 6h.01'],
  attach: ['M20 11l-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7'],
  message: ['M4 5h16v11H9l-5 4z', 'M8 9h8', 'M8 12h5'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof icons;
