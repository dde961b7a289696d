/**
 * Every sentence the conversation engine says to users, in Vietnamese.
 * Kept apart from the logic so wording can be reviewed in one place.
 */
import type { Config } from '../config.js';
import type { Role } from '../core/messages.js';

/** Longest question (characters) the engine accepts. */
export const MAX_INPUT_CHARS = 1000;

/**
 * Example questions offered by /start (button data `q:1` … `q:4`).
 * They are phrased from the plan's own headings, not from the evaluation set.
 */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'Kế hoạch 1523/KH-SCT đặt ra những yêu cầu gì?',
  'Truyền thông cải cách thủ tục hành chính gồm những nội dung nào?',
  'Chỉ số "Gia nhập thị trường" trong PCI được truyền thông ra sao?',
  'Kinh phí thực hiện kế hoạch được bố trí thế nào?',
];

/** Commands every user can see in /help. */
export const PUBLIC_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['/start', 'Lời chào và câu hỏi gợi ý'],
  ['/help', 'Hướng dẫn sử dụng'],
  ['/huy', 'Hủy thao tác đang dở'],
  ['/dangky <mã>', 'Đăng ký tài khoản cán bộ bằng mã mời'],
  ['/canbo', 'Gửi câu hỏi tới cán bộ của Sở'],
];

/** Commands for staff (activity reports). */
export const STAFF_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['/baocao', 'Báo cáo hoạt động truyền thông'],
  ['/baocaocuatoi', 'Xem các báo cáo của tôi'],
  ['/xoa <mã>', 'Xóa báo cáo của tôi (trong 7 ngày)'],
];

/** Commands for admins (Văn phòng Sở) only. */
export const ADMIN_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['/tonghop [năm|quý|tháng|YYYY]', 'Tổng hợp báo cáo'],
  ['/xuat [YYYY]', 'Xuất báo cáo năm ra tệp CSV, Excel, Word'],
];

const list = (rows: ReadonlyArray<readonly [string, string]>): string => rows.map(([c, d]) => `${c} — ${d}`).join('\n');

/** The command sections a role may see: public, then staff, then admin. */
function roleSections(role: Role): string[] {
  const out: string[] = [];
  if (role === 'staff' || role === 'admin') out.push('', 'Dành cho cán bộ:', list(STAFF_COMMANDS));
  if (role === 'admin') out.push('', 'Dành cho quản trị viên:', list(ADMIN_COMMANDS));
  return out;
}

export const texts = {
  greeting: (dep: Config['department'], name?: string): string =>
    [
      `Xin chào${name ? ` ${name}` : ''}! Tôi là trợ lý tra cứu của ${dep.name}.`,
      'Tôi có thể giúp bạn:',
      '• Tra cứu Kế hoạch 1523/KH-SCT về truyền thông nâng cao các chỉ số PAR INDEX, PAPI, PCI;',
      '• Cho biết phòng, đơn vị nào phụ trách nội dung nào;',
      '• Hướng dẫn về thủ tục hành chính và dịch vụ công trực tuyến.',
      'Mỗi câu trả lời đều kèm trích dẫn văn bản nguồn. Bạn có thể gõ câu hỏi (có dấu hoặc không dấu) hoặc chọn một câu hỏi gợi ý dưới đây.',
    ].join('\n'),
  help: (role: Role): string =>
    [
      'Gõ câu hỏi của bạn bằng tiếng Việt, ví dụ: "Văn phòng Sở có nhiệm vụ gì trong kế hoạch?".',
      'Bạn có thể hỏi tiếp nối, ví dụ: "còn PCI thì sao?".',
      '',
      'Các lệnh:',
      list(PUBLIC_COMMANDS),
      ...roleSections(role),
    ].join('\n'),
  emptyHint: 'Bạn chưa nhập nội dung. Hãy gõ câu hỏi, hoặc gõ /help để xem hướng dẫn.',
  tooLong: (n: number): string => `Tin nhắn quá dài (${n} ký tự). Vui lòng rút gọn câu hỏi dưới ${MAX_INPUT_CHARS} ký tự và gửi lại.`,
  unknownCommand: (cmd: string, role: Role): string => [`Không có lệnh ${cmd}. Các lệnh hiện có:`, list(PUBLIC_COMMANDS), ...roleSections(role)].join('\n'),
  draftStillOpen: '📝 Bản nháp báo cáo của bạn vẫn đang mở, chưa thay đổi: gõ «lưu» để lưu, «hủy» để bỏ, hoặc «sửa …» để sửa.',
  unknownButton: 'Nút này không còn hiệu lực. Bạn hãy gõ lại câu hỏi hoặc gõ /help.',
  staffOnly: 'Lệnh này dành cho cán bộ của Sở. Nếu bạn là cán bộ, hãy đăng ký bằng lệnh /dangky <mã> với mã mời do Văn phòng Sở cấp.',
  reportsUnavailable:
    'Chức năng báo cáo hoạt động truyền thông chưa được bật trên hệ thống này. Vui lòng báo cáo theo cách thông thường hoặc liên hệ quản trị viên.',
  cancelled: 'Đã hủy thao tác đang dở.',
  nothingToCancel: 'Không có thao tác nào đang chờ để hủy.',
  askInviteCode: 'Vui lòng gửi mã mời (8 ký tự) mà Văn phòng Sở đã cấp cho bạn, hoặc gõ /huy để thôi.',
  inviteOk: (unit: string, role: 'staff' | 'admin'): string =>
    `Đăng ký thành công! Bạn được ghi nhận là ${role === 'admin' ? 'quản trị viên' : 'cán bộ'} thuộc ${unit}. ` + 'Gõ /help để xem các lệnh dành cho cán bộ.',
  inviteUnknown: 'Mã mời không đúng. Vui lòng kiểm tra lại mã (8 ký tự), hoặc gõ /huy để thôi.',
  inviteUsed: 'Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần; vui lòng xin mã mới.',
  alreadyStaff: (unit?: string): string => `Bạn đã là cán bộ${unit ? ` thuộc ${unit}` : ''}, không cần đăng ký lại.`,
  feedbackThanks: 'Cảm ơn bạn đã góp ý!',
  feedbackUnknown: 'Không tìm thấy câu trả lời để ghi nhận góp ý (có thể đã quá cũ).',
  answerFailed: 'Xin lỗi, hệ thống đang gặp sự cố nên chưa trả lời được câu hỏi này. Bạn vui lòng thử lại sau ít phút.',
  contactLine: (dep: Config['department']): string | undefined => {
    const parts = [
      dep.phone ? `điện thoại ${dep.phone}` : '',
      dep.email ? `email ${dep.email}` : '',
      dep.address ? `địa chỉ ${dep.address}` : '',
      dep.portalUrl ? `cổng thông tin ${dep.portalUrl}` : '',
    ].filter(Boolean);
    return parts.length > 0 ? `Bạn có thể liên hệ trực tiếp ${dep.name}: ${parts.join('; ')}.` : undefined;
  },
  feedbackUp: '👍 Hữu ích',
  feedbackDown: '👎 Chưa đúng',
} as const;
