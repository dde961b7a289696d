/**
 * Vietnamese stopwords: function words and question words that carry no
 * topic. Bigrams are still built across them, so phrases survive.
 */
import { foldText } from './normalize.js';

const ACCENTED = `
à ạ ái ai anh bị bởi bằng các cái cần cho chứ chưa có cùng của cũng đã đang đây để đến đều đi điều do đó được gì giúp hãy hay hoặc hơn khi không là lại làm lên mà mình muốn nào này nên nếu những nhé như nhưng nữa ở phải qua ra rằng rất rồi sao sẽ tại thế thì theo tôi trên trong từ và vào vậy về với vì xin
bao nhiêu thế_nào gồm những_gì
em chị bạn ông bà tụi tui cháu
hỏi cho_biết biết
đâu tới nhắc cập nêu đề_cập quy_định_gì
`;

/** Folded forms that would collide with topic words (cơ/có, cửa/của, tài/tại, thi/thì, đề/để, báo/bao). */
const FOLDED_COLLISIONS = new Set([
  'co',
  'cua',
  'tai',
  'thi',
  'de',
  'bao',
  'nay',
  'do',
  've',
  'mot',
  'gia',
  'cai',
  'lai',
  'toi',
  'hay',
  'sao',
  'ra',
  'di',
  'dieu',
]);

const accentedList = ACCENTED.split(/\s+/).filter((w) => w && !w.includes('_'));

export const STOPWORDS_ACCENTED: ReadonlySet<string> = new Set(accentedList);

export const STOPWORDS_FOLDED: ReadonlySet<string> = new Set(accentedList.map((w) => foldText(w)).filter((w) => !FOLDED_COLLISIONS.has(w)));
