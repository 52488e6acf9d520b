import { KizunaValidationError } from '../errors/validation-error';
import { type RecordKind, type RecordOf, recordSchemas } from '../schemas/record-kinds';

/**
 * Validates a batch of records of one kind, for store adapters. Throws one
 * `KizunaValidationError` listing every bad field of every bad record, with the record's index in
 * the path (`[3].contract.mrr.amount`).
 *
 * @throws KizunaValidationError when any record is invalid or the batch is not an array
 */
export function validateRecords<Kind extends RecordKind>(
  kind: Kind,
  records: readonly unknown[],
): RecordOf<Kind>[] {
  if (!Array.isArray(records))
    throw KizunaValidationError.forField(`${kind} records`, '', 'expected an array');
  const schema = recordSchemas[kind];
  if (schema === undefined)
    throw KizunaValidationError.forField('record kind', 'kind', `unknown kind "${kind}"`);
  const result = schema.array().safeParse(records);
  if (!result.success) throw KizunaValidationError.fromZodError(`${kind} records`, result.error);
  return result.data as RecordOf<Kind>[];
}
