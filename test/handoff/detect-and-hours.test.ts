/**
 * The pure parts of the handoff: the request detector (with and without
 * diacritics, shorthand, negation, questions about staff), office hours
 * and the configuration that carries them.
 */
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import {
  detectHandoffRequest as detect,
  handoffShorthand,
  isWithinOfficeHours,
  type OfficeHours,
  parseOfficeHours,
  ticketIdFromText,
} from '../../src/handoff/index.js';
import { handoffTexts } from '../../src/handoff/texts.js';
import { loadChatAbbreviations } from '../../src/text/query/abbreviations.js';

/** The shorthand of the one chat vocabulary, as the service builds it. */
const shorthand = handoffShorthand(loadChatAbbreviations('knowledge/chat-abbreviations.yaml'));
const detectHandoffRequest = (text: string) => detect(text, shorthand);

describe('detectHandoffRequest', () => {
  it.each([
    'cho tôi gặp cán bộ',
    'toi muon hoi nguoi that',
    'Cho em gặp cb với ạ',
    't mun gap ng that',
    'mình muốn nói chuyện với nhân viên',
    'kết nối với chuyên viên giúp tôi',
    'chuyển cho cán bộ xử lý giúp em',
    'Tôi cần người thật',
    'LIÊN HỆ CÁN BỘ PHỤ TRÁCH',
    'người thật?',
  ])('asks for a person: %s', (text) => {
    expect(detectHandoffRequest(text)).toEqual({ hasProblem: false });
  });

  it.each(['cho e gap cbo vs', 'mun noi chuyen vs nv', 'cho mình gặp ad với', 'cho gặp cv phụ trách', 'lh cskh giúp mình'])(
    'reads the shorthand of the chat vocabulary: %s',
    (text) => {
      expect(detectHandoffRequest(text)).toBeDefined();
    },
  );

  it('without the shorthand, only full words are read', () => {
    expect(detect('Cho em gặp cb với ạ')).toBeUndefined();
    expect(detect('Cho em gặp cán bộ với ạ')).toEqual({ hasProblem: false });
  });

  it('says whether the problem is in the same message', () => {
    expect(detectHandoffRequest('cho toi gap can bo, ho so cua toi nop tu thang 9 van chua co ket qua')).toEqual({ hasProblem: true });
    expect(detectHandoffRequest('em muốn hỏi cán bộ về giấy phép bị ghi sai địa chỉ')).toEqual({ hasProblem: true });
  });

  it.each([
    'Cán bộ phụ trách PCI là ai?',
    'Thủ tục này có cần gặp cán bộ không?',
    'không cần gặp cán bộ đâu',
    'nhân viên văn phòng sở làm việc mấy giờ',
    'Văn phòng Sở có nhiệm vụ gì trong kế hoạch?',
    'tôi muốn hỏi về cán bộ phụ trách',
    'Hồ sơ được chuyển cho cán bộ nào xử lý?',
    'nên liên hệ cán bộ nào để hỏi về PCI',
    '',
  ])('does not ask for a person: %s', (text) => {
    expect(detectHandoffRequest(text)).toBeUndefined();
  });
});

describe('office hours', () => {
  const hours = parseOfficeHours('7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu') as OfficeHours;

  it('parses times and days as staff write them', () => {
    expect(hours.ranges).toEqual([
      { from: 450, to: 690 },
      { from: 810, to: 1020 },
    ]);
    expect([...hours.days].sort()).toEqual([1, 2, 3, 4, 5]);
    expect((parseOfficeHours('7h30-11h30, 13h30-17h, T2-T6, T7') as OfficeHours).days.has(6)).toBe(true);
    expect((parseOfficeHours('8:00–12:00') as OfficeHours).days.size).toBe(5);
    expect(parseOfficeHours('cả ngày')).toEqual({ error: expect.stringContaining('khoảng giờ') });
    expect(parseOfficeHours('8:00–12:00, thứ Mười')).toEqual({ error: expect.stringContaining('không hiểu ngày') });
    expect(parseOfficeHours('17:00–8:00')).toEqual({ error: expect.stringContaining('không hợp lệ') });
  });

  it('checks a time in Việt Nam time', () => {
    expect(isWithinOfficeHours(hours, new Date('2026-12-02T02:00:00Z'))).toBe(true); // Wed 09:00
    expect(isWithinOfficeHours(hours, new Date('2026-12-02T05:00:00Z'))).toBe(false); // Wed 12:00
    expect(isWithinOfficeHours(hours, new Date('2026-12-02T12:00:00Z'))).toBe(false); // Wed 19:00
    expect(isWithinOfficeHours(hours, new Date('2026-12-05T02:00:00Z'))).toBe(false); // Sat 09:00
  });

  it('comes from the configuration, with a clear error for a bad value', () => {
    const config = createConfig({});
    expect(config.handoff.officeHours.text).toBe('7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu');
    expect(config.handoff.retentionDays).toBe(180);
    expect(() => createConfig({ HANDOFF_OFFICE_HOURS: 'luôn luôn' })).toThrow(/HANDOFF_OFFICE_HOURS/);
    expect(() => createConfig({ TELEGRAM_STAFF_CHAT_ID: '-100123' })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => createConfig({ TELEGRAM_STAFF_CHAT_ID: 'nhóm cán bộ' })).toThrow(/TELEGRAM_STAFF_CHAT_ID/);
  });
});

describe('ticket numbers in staff posts', () => {
  it('reads back the number the post carries', () => {
    const post = handoffTexts.staffHint(12);
    expect(ticketIdFromText(post)).toBe(12);
    expect(ticketIdFromText('Không có số')).toBeUndefined();
  });
});
