/**
 * The register extract as a person reads it: sections with Swedish headings (one per category of data), each with
 * parts, each part a list of entries of labelled values. The PDF prints exactly this; the JSON is this plus the ids in
 * `ids` for machines. Nothing here is a column name or a code.
 */
import { sectionKeys, type SectionKey } from '../../../shared/register-extract/vocabulary.ts';

/** The categories of data, in the order they are printed (shared: the JSON document's contract names them). */
export { sectionKeys, type SectionKey };

export const sectionHeadings: Record<SectionKey, string> = {
  identity: 'Personuppgifter',
  enrolments: 'Inskrivningar och grupper',
  attendance: 'Närvaro och frånvaro',
  grades: 'Betyg',
  'early-warning': 'Tidig upptäckt (indikatorer och stödnivå)',
  cases: 'Elevhälsans ärenden och insatser',
  notes: 'Anteckningar',
  work: 'Tjänster och roller i Fullfölj',
  'youth-register': 'Kommunernas aktivitetsansvar',
  handovers: 'Överlämningar mellan skolor',
  'knowledge-bank': 'Aktivitet i kunskapsbanken',
  secrecy: 'Sekretessprövning',
  'access-log': 'Vilka som har tagit del av uppgifterna och när',
};

export interface Fact {
  label: string;
  value: string;
}

/** One thing held about the person: a grade, an enrolment, a note … */
export interface Entry {
  title?: string;
  facts: Fact[];
  /** Set when the entry stands in for an item under secrecy that is not handed out. */
  secrecy?: 'withheld' | 'pending';
  /** Ids for machines (JSON only; the PDF never prints them). */
  ids?: Record<string, string>;
}

export interface Part {
  heading: string;
  entries: Entry[];
  /** Printed when there are no entries. */
  empty?: string;
  /** Printed in the PDF before `pdfEntries` instead of the entries (a long list such as every lesson); not in the JSON, which keeps every entry. */
  pdfSummary?: string;
  /** The entries the PDF prints in full when `pdfSummary` is set (not in the JSON). */
  pdfEntries?: Entry[];
}

export interface Section {
  key: SectionKey;
  heading: string;
  intro?: string;
  parts: Part[];
}

/** A section with its Swedish heading. */
export const section = (key: SectionKey, parts: Part[], intro?: string): Section => ({
  key,
  heading: sectionHeadings[key],
  parts,
  ...(intro ? { intro } : {}),
});

/** A fact, leaving out nothing: an empty value prints as '–'. */
export const fact = (label: string, value: string | number | null | undefined): Fact => ({
  label,
  value: value === null || value === undefined || value === '' ? '–' : String(value),
});

/** The text that stands in for an item under secrecy that is not handed out. */
export const withheldText = 'Uppgift som omfattas av sekretess har inte lämnats ut';
export const pendingText = 'Uppgift som väntar på sekretessprövning har inte lämnats ut';
