/**
 * The five questions the HTTP benchmarks rotate through (who, unaccented,
 * list, report route, count): one fixed list so request-cost and wrk runs
 * measure the same work.
 */
export const LOAD_QUESTIONS: readonly string[] = [
  'Đơn vị nào làm đầu mối triển khai kế hoạch?',
  'ai lap du toan kinh phi thuc hien ke hoach',
  'PAPI gồm những nội dung nào?',
  'Báo cáo định kỳ gửi UBND tỉnh qua cơ quan nào?',
  'Kế hoạch có mấy phần?',
];
