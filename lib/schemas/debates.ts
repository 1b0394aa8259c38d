import { z } from 'zod';
import {
  ARTICLE_MAX_CHARS,
  ARTICLE_MAX_PARAGRAPHS,
  keptBlocks,
  readArticleText,
} from '@/lib/domain/classroom/article-text';
import { creativeCommonsUrl } from '@/lib/domain/classroom/licence';
import type { Block } from '@/lib/domain/views';
import { wellFormed } from './map';
import { recordId } from './ids';

// A new debate from two pasted articles. The form and the server share this schema: the form
// checks before showing the preview, the server checks again before saving. Flat field names
// (label1, text2…) so each message lands next to its own field.

export const MOTION_MAX = 200;
export const SUMMARY_MAX = 1000;
export const SIDE_LABEL_MAX = 60;
export const THESIS_MAX = 500;

const WEB_ADDRESS = z.url({ protocol: /^https?$/ });

const text = (max: number, empty: string, long: string) =>
  wellFormed(z.string().trim().min(1, empty).max(max, long));
const optional = (max: number, long: string) => wellFormed(z.string().trim().max(max, long));

const SIDE = {
  label: text(
    SIDE_LABEL_MAX,
    'Give this side a short name, e.g. “Talks can work”.',
    `Keep the side’s name under ${SIDE_LABEL_MAX} characters.`,
  ),
  thesis: text(
    THESIS_MAX,
    'Write the thesis this side argues.',
    `Keep the thesis under ${THESIS_MAX} characters.`,
  ),
  title: text(300, 'Give the article’s title.', 'Keep the title under 300 characters.'),
  authors: text(
    200,
    'Give the author (or the organisation, if the article names none).',
    'Keep the authors under 200 characters.',
  ),
  publisher: text(
    120,
    'Give the publisher or website.',
    'Keep the publisher under 120 characters.',
  ),
  date: z
    .string()
    .trim()
    .refine(
      (d) => d === '' || (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))),
      'Give the date as year, month and day, or leave it empty.',
    ),
  /** Empty when the article is not on the web (pasted from print or a handout). */
  url: z
    .string()
    .trim()
    .max(2000, 'That address is too long.')
    .refine(
      (u) => u === '' || WEB_ADDRESS.safeParse(u).success,
      'Give the article’s web address, starting with https:// or http://, or leave it empty.',
    ),
  licence: optional(120, 'Keep the licence under 120 characters.'),
  text: wellFormed(
    z
      .string()
      .max(ARTICLE_MAX_CHARS * 2, `An article can be at most ${ARTICLE_MAX_CHARS} characters.`),
  ),
  /** Paragraph indices (as the preview numbers them) the teacher left out. */
  removed: z.array(z.number().int().min(0)).max(ARTICLE_MAX_PARAGRAPHS).default([]),
};
type Side = typeof SIDE;
export type SideField = keyof Side;
export const SIDE_FIELDS = Object.keys(SIDE) as SideField[];

function sideShape<N extends '1' | '2'>(n: N) {
  return Object.fromEntries(Object.entries(SIDE).map(([k, v]) => [`${k}${n}`, v])) as {
    [K in SideField as `${K}${N}`]: Side[K];
  };
}

const debateFields = {
  motion: text(
    MOTION_MAX,
    'Write the motion the class will debate.',
    `Keep the motion under ${MOTION_MAX} characters.`,
  ),
  summary: optional(SUMMARY_MAX, `Keep the summary under ${SUMMARY_MAX} characters.`),
  ...sideShape('1'),
  ...sideShape('2'),
};
type DebateFields = z.output<z.ZodObject<typeof debateFields>>;

/** Each article readable with a paragraph kept; the two sides named apart. */
function checkDebate(data: DebateFields, ctx: z.RefinementCtx) {
  for (const n of ['1', '2'] as const) {
    const read = readArticleText(data[`text${n}`], {
      title: data[`title${n}`],
      authors: data[`authors${n}`],
      publisher: data[`publisher${n}`],
    });
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', path: [`text${n}`], message: read.message });
    } else if (keptBlocks(read.paragraphs, data[`removed${n}`]).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: [`text${n}`],
        message: 'Keep at least one paragraph of this article.',
      });
    }
  }
  if (data.label1.toLowerCase() === data.label2.toLowerCase()) {
    ctx.addIssue({
      code: 'custom',
      path: ['label2'],
      message: 'Give the two sides different names.',
    });
  }
}

export const createDebateSchema = z.object(debateFields).superRefine(checkDebate);
export type CreateDebateInput = z.input<typeof createDebateSchema>;
export type CreateDebateData = z.output<typeof createDebateSchema>;

/** One side of a new debate, as the server stores it. */
export interface NewDebateSide {
  label: string;
  thesis: string;
  source: {
    title: string;
    authors: string;
    publisher: string;
    publishedOn: Date | null;
    url: string;
    licence: string | null;
    /** The licence's deed, when it is a Creative Commons licence. */
    licenceUrl: string | null;
    blocks: Block[];
  };
}

export interface NewDebate {
  motion: string;
  summary: string | null;
  sides: [NewDebateSide, NewDebateSide];
}

/** The checked form as the debate to store: each article's kept paragraphs as blocks. */
export function toNewDebate(data: CreateDebateData): NewDebate {
  const side = (n: '1' | '2'): NewDebateSide => {
    const meta = {
      title: data[`title${n}`],
      authors: data[`authors${n}`],
      publisher: data[`publisher${n}`],
    };
    const read = readArticleText(data[`text${n}`], meta);
    if (!read.ok) throw new Error(read.message); // the schema refused this already
    const date = data[`date${n}`];
    return {
      label: data[`label${n}`],
      thesis: data[`thesis${n}`],
      source: {
        ...meta,
        publishedOn: date ? new Date(`${date}T00:00:00Z`) : null,
        url: data[`url${n}`],
        licence: data[`licence${n}`] || null,
        licenceUrl: creativeCommonsUrl(data[`licence${n}`]),
        blocks: keptBlocks(read.paragraphs, data[`removed${n}`]),
      },
    };
  };
  return {
    motion: data.motion,
    summary: data.summary || null,
    sides: [side('1'), side('2')],
  };
}

export const debateRef = z.object({ debateId: recordId });

/**
 * A teacher's debate, edited: the same fields as a new one, every paragraph of the text kept
 * (what to leave out is deleted from the text itself).
 */
export const editDebateSchema = z
  .object({ debateId: recordId, ...debateFields })
  .superRefine(checkDebate);
export type EditDebateInput = z.input<typeof editDebateSchema>;

/** The debate form's text fields (every field but the paragraphs left out), as typed. */
export type DebateFormValues = {
  [K in Exclude<keyof CreateDebateInput, 'removed1' | 'removed2'>]-?: string;
};
