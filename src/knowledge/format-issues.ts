/**
 * Turns zod validation issues into short Vietnamese messages that name the
 * exact path of the bad field, so staff who edit a YAML file by hand can find
 * and fix the problem (e.g. `units[2].duties[0].section: bắt buộc`).
 */
import type { ZodIssue } from 'zod';

/** Format a zod issue path as `units[2].duties[0].section`. */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(gốc tệp)' : out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'số',
  boolean: 'true/false',
  array: 'danh sách',
  object: 'đối tượng',
  null: 'null',
  undefined: 'không có',
};

const typeName = (t: string): string => TYPE_NAMES[t] ?? t;

/** Vietnamese message for one zod issue, without the path. */
export function describeIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return 'bắt buộc';
      return `phải là ${typeName(issue.expected)} (đang là ${typeName(issue.received)})`;
    case 'too_small':
      if (issue.type === 'string') return 'không được để trống';
      if (issue.type === 'array') return `cần ít nhất ${String(issue.minimum)} phần tử`;
      return `giá trị quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case 'invalid_enum_value':
      return `phải là một trong: ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`;
    case 'unrecognized_keys':
      return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'giá trị không đúng định dạng';
    case 'invalid_string':
      if (issue.validation === 'url') return 'phải là địa chỉ URL hợp lệ';
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'không đúng định dạng';
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

/** All issues as `path: message` lines joined by "; ". */
export function formatIssues(issues: readonly ZodIssue[]): string {
  return issues.map((i) => `${formatIssuePath(i.path)}: ${describeIssue(i)}`).join('; ');
}
