/**
 * What the handoff says, in Vietnamese: to citizens (confirmations, office
 * hours) and to staff (the Telegram group). Nothing here invents a date,
 * a phone number or an address: times come from the configuration.
 */
import type { ChannelName } from '../core/messages.js';
import type { Ticket } from './ticket.js';

/** Label of the citizen's button. */
export const ASK_STAFF_LABEL = 'Hỏi cán bộ';
/** Label of the staff group's button. */
export const STAFF_REPLY_LABEL = 'Trả lời';

/** Channel names as staff read them. */
export const CHANNEL_LABELS: Readonly<Record<ChannelName, string>> = { web: 'Trang web', telegram: 'Telegram', zalo: 'Zalo', cli: 'Dòng lệnh' };

/** The first line of a ticket post; a staff reply to it is found by this number. */
export const ticketTag = (id: number): string => `Yêu cầu #${id}`;

/** Read the ticket number from a message the bot posted (see {@link ticketTag}). */
export function ticketIdFromText(text: string): number | undefined {
  const m = /Yêu cầu #(\d{1,12})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const handoffTexts = {
  askProblem: 'Bạn muốn hỏi cán bộ của Sở. Vui lòng gửi một dòng mô tả vấn đề của bạn (ví dụ: hồ sơ nào, đang vướng ở bước nào), hoặc gõ /huy để thôi.',
  when: (officeHours: string, nowInside: boolean): string =>
    `Cán bộ thường trả lời trong giờ làm việc (${officeHours}).` +
    (nowInside ? '' : ' Hiện đang ngoài giờ làm việc, nên câu trả lời có thể đến vào buổi làm việc tiếp theo.'),
  created: (id: number, where: string): string =>
    `Đã chuyển câu hỏi của bạn tới cán bộ (${ticketTag(id).toLowerCase()}). Câu trả lời sẽ được gửi cho bạn ngay tại ${where}.`,
  stillOpen: (id: number): string => `${ticketTag(id)} của bạn đang chờ cán bộ trả lời. Mọi tin nhắn bạn gửi thêm đều được chuyển kèm theo yêu cầu này.`,
  reopened: (id: number): string => `${ticketTag(id)} đã được mở lại; tin nhắn của bạn đã được chuyển tới cán bộ.`,
  addedToTicket: (id: number): string => `(Tin nhắn này đã được chuyển kèm ${ticketTag(id).toLowerCase()} tới cán bộ.)`,
  where: (channel: ChannelName): string =>
    channel === 'web' ? 'trang này (hãy giữ trang mở hoặc quay lại sau)' : `cuộc trò chuyện ${CHANNEL_LABELS[channel]} này`,
  replyToCitizen: (id: number, text: string): string => `Cán bộ của Sở trả lời (${ticketTag(id).toLowerCase()}):\n${text}`,
  staffHint: (id: number): string =>
    `${ticketTag(id)}: để trả lời người dân, hãy bấm «Trả lời» (Reply) trên tin nhắn này hoặc tin nhắn yêu cầu, rồi gõ nội dung.`,
  staffNotFound: (id: number): string => `Không tìm thấy ${ticketTag(id).toLowerCase()} (có thể đã bị xoá theo thời hạn lưu trữ).`,
  staffPost: (t: Ticket, reopened: boolean): string => {
    const citizen = t.messages.filter((m) => m.author === 'citizen');
    const lines = citizen.slice(-6).map((m) => `• ${m.text}`);
    return [
      `${reopened ? '🔁' : '🆕'} ${ticketTag(t.id)}${reopened ? ' (mở lại)' : ''} — ${CHANNEL_LABELS[t.channel]}${t.displayName ? ` — ${t.displayName}` : ''}`,
      'Người dân đã gửi:',
      ...lines,
      '',
      'Trả lời (Reply) tin nhắn này để gửi câu trả lời cho người dân.',
    ].join('\n');
  },
  staffFollowUp: (id: number, text: string): string =>
    `✉️ ${ticketTag(id)} — tin mới từ người dân:\n${text}\n\nTrả lời (Reply) tin nhắn này để gửi câu trả lời cho người dân.`,
  staffDelivered: (id: number, channel: ChannelName): string => `✅ Đã gửi câu trả lời cho ${ticketTag(id).toLowerCase()} qua ${CHANNEL_LABELS[channel]}.`,
  staffWebQueued: (id: number): string => `✅ Đã lưu câu trả lời cho ${ticketTag(id).toLowerCase()}; trang web của người dân sẽ hiện câu trả lời.`,
  staffNotDelivered: (id: number, note: string): string => `⚠️ ${ticketTag(id)}: ${note}. Câu trả lời đã được lưu trong yêu cầu.`,
} as const;
