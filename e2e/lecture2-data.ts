/** What lecture2.spec.ts checks the second lecture against: the post's links and figure tables, and how to read them. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const LINKS = [
  'arxiv.org/abs/2301.00234v4',
  'aclanthology.org/2022.naacl-main.380.pdf',
  'arxiv.org/pdf/2209.11895',
  'papers.nips.cc/paper_files/paper/2022/file/77c6ccacfd9962e2307fc64680fc5ace-Paper-Conference.pdf',
  'arxiv.org/pdf/2507.16003',
];

/**
 * Every number of the three tables, transcribed a second time from image6.png, image7.png and image8.png
 * (row label -> cells after the label, in the figures' column order). `+` = bold in the figure (above the
 * average of ALL and Majority), `-` = underlined (below), no sign = unmarked.
 */
export const TABLE1: Record<string, string[]> = {
  Majority: ['-', '-', '50.35', '0.0', '0.0', '0.0', '0.0', '8.26'],
  ALL: ['150B', '119.99', '84.59', '56.17', '73.47', '6.15', '23.36', '59.57'],
  'ALL w/o Others': ['150B', '119.66', '84.59', '56.49', '74.20', '6.14', '23.21', '50.76'],
  Blog: ['150B', '152.40', '+83.50', '+50.74', '+69.34', '+3.82', '+20.11', '+60.68'],
  Cafe: ['82.5B', '170.85', '-57.77', '-3.12', '-14.26', '-2.83', '+16.53', '-11.04'],
  News: ['73.1B', '234.78', '-50.72', '-0.14', '-9.96', '-1.10', '+15.88', '-14.36'],
  Comments: ['40.7B', '225.39', '+79.78', '-14.69', '-33.33', '-0.79', '-5.06', '+36.17'],
  KiN: ['27.0B', '187.80', '-54.73', '-4.85', '-18.99', '+6.81', '+18.16', '-9.23'],
  Modu: ['5.9B', '226.01', '+69.91', '+30.20', '+49.29', '-1.21', '-6.13', '+43.27'],
  Ency: ['1.7B', '549.40', '-53.81', '-0.71', '-11.88', '-0.58', '-0.69', '-27.99'],
  'Blog 54B': ['54.0B', '155.69', '+83.06', '+49.13', '+68.10', '+3.93', '+21.12', '+57.97'],
  'Blog 27B': ['27.0B', '165.60', '+80.27', '-10.91', '-23.41', '+5.35', '+12.32', '+48.19'],
  'Cafe 27B': ['27.0B', '169.81', '-49.91', '-1.37', '-13.98', '+4.25', '+20.74', '-8.60'],
  'News 27B': ['27.0B', '239.79', '-50.64', '-0.80', '-8.02', '-2.42', '+15.78', '-27.20'],
  'Comments 27B': ['27.0B', '229.65', '+80.50', '-13.02', '-31.53', '-1.70', '-3.28', '-25.79'],
};
export const TABLE2: Record<string, string[]> = {
  ALL: ['150B', '119.99', '84.59', '56.17', '73.47', '6.15', '23.36', '59.57'],
  'KiN+Ency': ['28.7B', '164.69', '-59.17', '+42.09', '+61.00', '+8.99', '+23.12', '+42.84'],
  'Cafe+KiN': ['109.5B', '141.92', '+76.42', '+38.45', '+59.00', '+8.41', '+23.41', '+56.96'],
  'Cafe+News': ['150B', '154.20', '-54.15', '-8.95', '-22.72', '+4.45', '+17.77', '-8.19'],
  'Blog+Comments+Modu': ['150B', '144.67', '+82.82', '+54.94', '+72.27', '+4.09', '+21.17', '+65.01'],
  'News+KiN+Ency': ['101.8B', '142.13', '+75.96', '+35.42', '+55.60', '+8.70', '+23.38', '-27.54'],
};
export const TABLE3: Record<string, string[]> = {
  '150B': ['84.59', '56.17', '6.15', '23.36', '59.57'],
  '56B': ['84.35', '55.13', '5.47', '22.98', '51.89'],
  '6B': ['74.70', '36.72', '3.97', '17.81', '30.24'],
};

export interface Cell {
  text: string;
  bold: boolean;
}

/** The data tables of the deck, as rows of cells: what a reader sees, and whether it is bold. */
export async function dataTables(page: Page): Promise<Cell[][][]> {
  return page.locator('section table.data').evaluateAll((tables) =>
    tables.map((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => ({
          text: (td.textContent ?? '').trim(),
          bold: Number.parseInt(getComputedStyle(td.querySelector('strong') ?? td).fontWeight, 10) >= 700,
        })),
      ),
    ),
  );
}

/** A row label without the case number the deck puts before it (① KiN+Ency -> KiN+Ency). */
export const label = (text: string) => text.replace(/^[①②③④]\s*/, '');

/** What the figure shows (see the tables above) as the deck must print it: ▲ and bold, ▼ and not bold. */
export function expectCell(where: string, cell: Cell | undefined, expected: string): void {
  const sign = expected.length > 1 && /^[+-]/.test(expected) ? expected[0] : '';
  const value = sign ? expected.slice(1) : expected;
  expect(cell?.text, where).toBe(sign === '+' ? `▲${value}` : sign === '-' ? `▼${value}` : value);
  expect(cell?.bold, `${where} bold`).toBe(sign === '+');
}
