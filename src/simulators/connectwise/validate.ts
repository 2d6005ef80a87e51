// Field-level validation of a write body against the entity's spec schema: required fields, types,
// enums and the "Max length: N" notes (reference §7 [S4, S6]). Messages follow the .NET
// DataAnnotations wording the real 400 example uses [S13]; the codes other than OutOfRange are inferred.
import { fieldError, type ValidationError } from './errors.ts';
import { deref, maxLength, schemaNamed } from './schema.ts';

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Validate the fields present in `row` and the schema's required list (plus `extraRequired`). */
export function validateFields(
  row: Record<string, unknown>,
  schemaName: string,
  resource: string,
  extraRequired: readonly string[] = [],
): ValidationError[] {
  const schema = schemaNamed(schemaName);
  const props = schema.properties ?? {};
  const errors: ValidationError[] = [];
  for (const field of [...(schema.required ?? []), ...extraRequired]) {
    if (isBlank(row[field]))
      errors.push(fieldError('NullValue', resource, field, `The ${field} field is required.`));
  }
  for (const [field, value] of Object.entries(row)) {
    if (value === undefined || value === null || field === '_info' || field === 'id') continue;
    const raw = props[field];
    if (!raw) continue; // unknown members are ignored, as JSON deserialization does
    const prop = deref(raw);
    const bad = (msg: string) => errors.push(fieldError('InvalidField', resource, field, msg));
    switch (prop.type) {
      case 'string': {
        if (typeof value !== 'string') {
          bad(`The field ${field} must be a string.`);
          break;
        }
        if (prop.enum && !prop.enum.includes(value)) bad(`The value '${value}' is not valid for ${field}.`);
        if (prop.format === 'date-time' && Number.isNaN(Date.parse(value)))
          bad(`The value '${value}' is not a valid date for ${field}.`);
        const max = maxLength(prop);
        if (max !== undefined && value.length > max)
          errors.push(
            fieldError(
              'InvalidLength',
              resource,
              field,
              `The field ${field} must be a string with a maximum length of ${max}.`,
            ),
          );
        break;
      }
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value))
          bad(`The field ${field} must be an integer.`);
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad(`The field ${field} must be a number.`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') bad(`The field ${field} must be true or false.`);
        break;
      case 'array':
        if (!Array.isArray(value)) bad(`The field ${field} must be an array.`);
        break;
      default:
        if (prop.properties && (typeof value !== 'object' || Array.isArray(value)))
          bad(`The field ${field} must be an object.`);
    }
  }
  return errors;
}

/** The yearEstablished / revenueYear rule from the real example [S13]. */
export function rangeError(
  row: Record<string, unknown>,
  field: string,
  resource: string,
  min: number,
  max: number,
): ValidationError[] {
  const v = row[field];
  if (typeof v === 'number' && (v < min || v > max))
    return [
      fieldError('OutOfRange', resource, field, `The field ${field} must be between ${min} and ${max}.`),
    ];
  return [];
}
