/**
 * The provinces and centrally-run cities of Việt Nam, defined once: the 34
 * units after the 2025 arrangement (Nghị quyết 202/2025/QH15, in force from
 * 12/6/2025, local governments from 01/7/2025), each with the names of the
 * former provinces merged into it (the 63 names before 2025). Used to notice
 * a question about another province than the one the sources cover.
 */

/** One province or centrally-run city after the 2025 arrangement. */
export interface Province {
  /** Its name since 2025. */
  name: string;
  /** Names of the former provinces merged into it (before 01/7/2025), its own excluded. */
  formerly: readonly string[];
  /** Other ways of writing it ("TP.HCM", "Sài Gòn", "Thừa Thiên Huế"). */
  aliases?: readonly string[];
}

/** The 34 provinces and centrally-run cities (6 cities first), with their former provinces. */
export const PROVINCES: readonly Province[] = [
  { name: 'Hà Nội', formerly: [] },
  { name: 'Huế', formerly: [], aliases: ['Thừa Thiên Huế', 'Thừa Thiên - Huế'] },
  { name: 'Hải Phòng', formerly: ['Hải Dương'] },
  { name: 'Đà Nẵng', formerly: ['Quảng Nam'] },
  {
    name: 'Thành phố Hồ Chí Minh',
    formerly: ['Bình Dương', 'Bà Rịa - Vũng Tàu'],
    aliases: ['TP.HCM', 'TP HCM', 'TPHCM', 'HCM', 'TP Hồ Chí Minh', 'Sài Gòn', 'Bà Rịa', 'Vũng Tàu'],
  },
  { name: 'Cần Thơ', formerly: ['Sóc Trăng', 'Hậu Giang'] },
  { name: 'Lai Châu', formerly: [] },
  { name: 'Điện Biên', formerly: [] },
  { name: 'Sơn La', formerly: [] },
  { name: 'Lạng Sơn', formerly: [] },
  { name: 'Quảng Ninh', formerly: [] },
  { name: 'Thanh Hóa', formerly: [], aliases: ['Thanh Hoá'] },
  { name: 'Nghệ An', formerly: [] },
  { name: 'Hà Tĩnh', formerly: [] },
  { name: 'Cao Bằng', formerly: [] },
  { name: 'Tuyên Quang', formerly: ['Hà Giang'] },
  { name: 'Lào Cai', formerly: ['Yên Bái'] },
  { name: 'Thái Nguyên', formerly: ['Bắc Kạn'], aliases: ['Bắc Cạn'] },
  { name: 'Phú Thọ', formerly: ['Vĩnh Phúc', 'Hòa Bình'] },
  { name: 'Bắc Ninh', formerly: ['Bắc Giang'] },
  { name: 'Hưng Yên', formerly: ['Thái Bình'] },
  { name: 'Ninh Bình', formerly: ['Hà Nam', 'Nam Định'] },
  { name: 'Quảng Trị', formerly: ['Quảng Bình'] },
  { name: 'Quảng Ngãi', formerly: ['Kon Tum'] },
  { name: 'Gia Lai', formerly: ['Bình Định'] },
  { name: 'Khánh Hòa', formerly: ['Ninh Thuận'], aliases: ['Khánh Hoà'] },
  { name: 'Lâm Đồng', formerly: ['Đắk Nông', 'Bình Thuận'], aliases: ['Đắc Nông'] },
  { name: 'Đắk Lắk', formerly: ['Phú Yên'], aliases: ['Đắc Lắc', 'Daklak'] },
  { name: 'Đồng Nai', formerly: ['Bình Phước'] },
  { name: 'Tây Ninh', formerly: ['Long An'] },
  { name: 'Vĩnh Long', formerly: ['Bến Tre', 'Trà Vinh'] },
  { name: 'Đồng Tháp', formerly: ['Tiền Giang'] },
  { name: 'Cà Mau', formerly: ['Bạc Liêu'] },
  { name: 'An Giang', formerly: ['Kiên Giang'] },
];

/** The province the sources are about. */
export const HOME_PROVINCE = 'Quảng Ngãi';

/**
 * Names that are also ordinary words ("hòa bình" is peace): they count as a
 * province only when written with capitals.
 */
export const CAPITALISED_ONLY: ReadonlySet<string> = new Set(['Hòa Bình', 'HCM']);

/** Every name of a place other than the home province (current, former and aliases), longest first. */
export function otherProvinceNames(): string[] {
  const home = PROVINCES.find((p) => p.name === HOME_PROVINCE);
  const own = new Set([HOME_PROVINCE, ...(home?.formerly ?? []), ...(home?.aliases ?? [])]);
  const names = PROVINCES.flatMap((p) => [p.name, ...p.formerly, ...(p.aliases ?? [])]).filter((n) => !own.has(n));
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}
