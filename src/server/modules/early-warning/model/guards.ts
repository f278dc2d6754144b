/**
 * Input guards for the model core: every fitting and metric function refuses, with a clear Swedish and English
 * message, what would otherwise give a silently wrong answer (labels other than 0/1, an empty or single-class training
 * set, non-finite values, rows and labels of different lengths, rows of different widths).
 */

/** A refusal of the model core's input; `sv` and `en` say the same thing (the message is Swedish with the English in brackets). */
export class ModelInputError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(`${sv} (${en})`);
    this.name = 'ModelInputError';
  }
}

/** Labels must all be exactly 0 or 1. */
export function checkLabels(labels: readonly number[]): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) {
      throw new ModelInputError(`Utfallet på rad ${i + 1} är inte 0 eller 1`, `the label of row ${i + 1} is not 0 or 1`);
    }
  }
}

/** Same number of scores (or rows) as labels. */
export function checkLengths(scores: readonly unknown[], labels: readonly number[]): void {
  if (scores.length !== labels.length) {
    throw new ModelInputError(
      `${scores.length} värden men ${labels.length} utfall (olika längd)`,
      `${scores.length} values but ${labels.length} labels (length mismatch)`,
    );
  }
}

/** Every score is a finite number. */
export function checkFiniteScores(scores: readonly number[]): void {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new ModelInputError(`Värdet på rad ${i + 1} är inte ett ändligt tal`, `the value of row ${i + 1} is not a finite number`);
    }
  }
}

/** A training set: rows of equal width with finite values, 0/1 labels, at least one of each class. */
export function checkTrainingSet(x: readonly (readonly number[])[], y: readonly number[]): void {
  checkLengths(x, y);
  if (x.length === 0) throw new ModelInputError('Träningsdata saknas (inga rader)', 'no training rows');
  checkLabels(y);
  const width = (x[0] as readonly number[]).length;
  for (let i = 0; i < x.length; i++) {
    const row = x[i] as readonly number[];
    if (row.length !== width) {
      throw new ModelInputError(
        `Rad ${i + 1} har ${row.length} kolumner, väntade ${width}`,
        `row ${i + 1} has ${row.length} columns, expected ${width}`,
      );
    }
    for (let j = 0; j < width; j++) {
      if (!Number.isFinite(row[j])) {
        throw new ModelInputError(
          `Rad ${i + 1}, kolumn ${j + 1} är inte ett ändligt tal`,
          `row ${i + 1}, column ${j + 1} is not a finite number`,
        );
      }
    }
  }
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === y.length) {
    throw new ModelInputError(
      `Träningsdata har bara ett utfall (${positives} av ${y.length} positiva)`,
      `the training set has only one class (${positives} of ${y.length} positive)`,
    );
  }
}
