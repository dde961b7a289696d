/**
 * Questions about how to reach the department (phone, address, email,
 * website). The answer uses ONLY the values configured for the deployment
 * (`DEPARTMENT_*` settings); a value that is not configured is reported as
 * "no confirmed information", never guessed.
 */
import { foldText, normalizeText } from '../text/normalize.js';

/** The department's contact details as configured; any of them may be missing. */
export interface DepartmentContacts {
  name: string;
  phone?: string;
  address?: string;
  portalUrl?: string;
  email?: string;
}

type ContactField = 'phone' | 'address' | 'email' | 'website';

const ALL_FIELDS: ContactField[] = ['phone', 'address', 'email', 'website'];

const FIELD_PATTERNS: Record<ContactField, RegExp> = {
  phone: /\b(so dien thoai|dien thoai|sdt|dt|hotline|hot line|duong day nong|goi dien|so may|tong dai|so lien lac)\b/,
  email: /\b(email|e mail|mail|thu dien tu|hop thu)\b/,
  website: /\b(website|web site|trang web|web|trang thong tin|cong thong tin|cong ttdt|trang ttdt|fanpage)\b/,
  address: /\b(dia chi|tru so|van phong o dau|nam o dau|o dau|toa lac)\b/,
};

/** Phrases that mean "contact details" in general: answer every field. */
const GENERAL = /\b(thong tin lien he|thong tin lien lac|lien he voi so|lien he so|cach lien he|lien lac voi so|lien he nhu the nao|lien he the nao)\b/;

/** Another agency named without the department: not our question. */
const OTHER_AGENCY =
  /\b(ubnd|uy ban|hdnd|cong an|so noi vu|so tu phap|so tai chinh|so ke hoach|so tai nguyen|so giao thong|so xay dung|so y te|so giao duc|so thong tin|so khoa hoc|so lao dong|so nong nghiep|so van hoa|so du lich|thanh tra tinh|benh vien|trung tam hanh chinh cong|tong dai 1022|bo cong thuong)\b/;

/** Words showing the question is about a procedure or an account, not the office. */
const PROCEDURE_CONTEXT = /\b(nop|ho so|thu tuc|giay phep|le phi|dang ky|tai khoan|vneid|otp|mat khau|dang nhap|tra cuu|dich vu cong|dvc|dvcqg|dvctt)\b/;

/** Words showing the question is about the plan's content (e.g. a unit's duties), not contacts. */
const PLAN_CONTEXT = /\b(ke hoach|nhiem vu|trach nhiem|cap nhat|lam gi|phai lam|par index|papi|pci)\b/;

/** Words that point at the department itself. */
const DEPT_MENTION = /\b(cong thuong|cua so|so nay|lien he so|goi so|van phong so)\b/;

function fold(question: string): string {
  return ` ${foldText(normalizeText(question))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Words a bare contact request is made of: the field names, the department's
 * name, asking and politeness words. Anything else in the question is a
 * topic ("how long does the portal take to approve …", "quyết định số mấy"),
 * and a question with a topic is not a request for the contact card.
 */
const CONTACT_WORDS = new Set(
  (
    'so dien thoai sdt dt hotline hot line duong day nong goi so may tong dai lien lac he email e mail thu hop ' +
    'website web site trang thong tin cong ttdt fanpage dia chi tru o dau nam toa lac van phong ' +
    'cong thuong quang ngai tinh cua la gi nao bao nhieu cho xin hoi minh em toi biet muon can duoc khong ko a ak nhe voi ' +
    'ban ad anh chi oi vay the nhu nhi ha hay cach the nao de the what is the of phone number address email website ' +
    'nay chinh thuc hien tai moi nhat co nhung cac dau nua tim o dau may chi'
  ).split(' '),
);
/** More topic words than this and the question is not a contact request. */
const MAX_TOPIC_WORDS = 1;

/** Content words of a (folded) question that are not part of a contact request. */
export function contactTopicWords(q: string): string[] {
  return q.split(/\s+/).filter((w) => w && !CONTACT_WORDS.has(w) && !/^\d+$/.test(w));
}

function requestedFields(q: string): ContactField[] {
  if (contactTopicWords(q).length > MAX_TOPIC_WORDS) return [];
  if (OTHER_AGENCY.test(q) && !/\bcong thuong\b/.test(q)) return [];
  // "đăng ký bằng số điện thoại", "nộp hồ sơ ở đâu": procedure questions, not contacts.
  if (PROCEDURE_CONTEXT.test(q) && !DEPT_MENTION.test(q)) return [];
  // "Cổng thông tin điện tử của Sở cập nhật gì theo kế hoạch?": a plan question.
  if (PLAN_CONTEXT.test(q)) return [];
  if (GENERAL.test(q)) return ALL_FIELDS;
  // "địa chỉ email" / "địa chỉ website" ask for the email or the site, not the street address.
  const rest = q.replace(/\bdia chi (email|e mail|mail|thu dien tu|website|web|trang web)\b/g, ' $1 ');
  const fields: ContactField[] = [];
  for (const f of ALL_FIELDS) {
    if (!FIELD_PATTERNS[f].test(rest)) continue;
    if (f === 'address' && !/\b(dia chi|tru so|toa lac)\b/.test(rest)) {
      // A bare "ở đâu" counts only when it asks where the department is.
      if (!/\bcong thuong\b|\bso\b/.test(rest) || PROCEDURE_CONTEXT.test(rest)) continue;
    }
    fields.push(f);
  }
  return fields;
}

const LABELS: Record<ContactField, string> = {
  phone: 'Số điện thoại',
  address: 'Địa chỉ',
  email: 'Email',
  website: 'Trang thông tin điện tử',
};

function contactValue(dept: DepartmentContacts, f: ContactField): string | undefined {
  const v = f === 'website' ? dept.portalUrl : dept[f];
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Answer a question asking for the department's phone/hotline, address,
 * email or website.
 *
 * @param question the user's question, with or without diacritics
 * @param dept the configured contact details; only these values are shown
 * @returns the answer, or null when the question does not ask for a contact
 *   detail of the department
 * @example
 * answerContactQuestion('so dien thoai cua so?', { name: 'Sở Công Thương', phone: '0123' })
 * // → 'Thông tin liên hệ của Sở Công Thương:\n- Số điện thoại: 0123'
 */
export function answerContactQuestion(question: string, dept: DepartmentContacts): string | null {
  const fields = requestedFields(fold(question));
  if (fields.length === 0) return null;
  const name = dept.name.trim() !== '' ? dept.name.trim() : 'Sở Công Thương';
  const portal = contactValue(dept, 'website');
  const lines = [`Thông tin liên hệ của ${name}:`];
  let missing = false;
  for (const f of fields) {
    const v = contactValue(dept, f);
    if (v !== undefined) {
      lines.push(`- ${LABELS[f]}: ${v}`);
    } else {
      missing = true;
      lines.push(`- ${LABELS[f]}: chưa có thông tin được xác nhận.`);
    }
  }
  if (missing) {
    const where = portal
      ? `trang thông tin điện tử của Sở (${portal}), Cổng thông tin điện tử chính thức của tỉnh Quảng Ngãi`
      : 'Cổng thông tin điện tử chính thức của tỉnh Quảng Ngãi';
    lines.push(
      `Trợ lý không tự đưa ra thông tin chưa được xác nhận. Bạn vui lòng tra cứu trên ${where} hoặc hỏi trực tiếp tại Bộ phận một cửa (Bộ phận tiếp nhận và trả kết quả).`,
    );
  }
  return lines.join('\n');
}
