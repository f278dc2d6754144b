/**
 * The contact letters' templates, read once from assets/kaa/letter-templates.json: one per language, in plain
 * language. A new language is a new entry in that file, not new code.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const template = z.object({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  name: z.object({ sv: z.string(), en: z.string() }),
  subject: z.string(),
  greeting: z.string(),
  paragraphs: z.array(z.string()).min(1),
  contactHeading: z.string(),
  labels: z.object({ phone: z.string(), email: z.string() }),
  closing: z.string(),
  footer: z.string(),
  dated: z.string(),
});
export type LetterTemplate = z.output<typeof template>;

const templateFile = z.object({ version: z.string(), templates: z.array(template).min(1) });

let shipped: z.output<typeof templateFile> | null = null;
/** The shipped templates, Swedish first. */
export function letterTemplates(): LetterTemplate[] {
  shipped ??= templateFile.parse(
    JSON.parse(readFileSync(new URL('../../../../../assets/kaa/letter-templates.json', import.meta.url), 'utf8')),
  );
  return shipped.templates;
}

/** The template for a language, or null. */
export function templateFor(language: string): LetterTemplate | null {
  return letterTemplates().find((t) => t.language === language) ?? null;
}

/** Fills `{name}` placeholders; an unknown placeholder is left out rather than printed. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
