// Admin console page /admin/retrieval (served as /admin/assets/console-retrieval.js after console-core.js).

(() => {
  const { $, el, retrieve, hitItem } = window.cchcConsole;

  function retrievalPage() {
    $('#retrieval-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const q = ev.target.elements.question.value;
      const verdict = $('#rt-verdict');
      try {
        const r = await retrieve(q);
        $('#rt-answer-box').hidden = false;
        $('#rt-hits-box').hidden = false;
        verdict.textContent = r.refused
          ? 'Bot sẽ từ chối trả lời (không đủ căn cứ trong nguồn).'
          : r.curated
            ? `Bot trả lời bằng câu trả lời đã duyệt (${r.curated.entryId}, độ giống ${r.curated.score}).`
            : 'Bot sẽ trả lời.';
        verdict.className = r.refused ? 'verdict-refuse' : 'verdict-answer';
        $('#rt-answer').textContent = r.answer.text;
        const f = r.features;
        const rows = [
          ['Từ của câu hỏi có trong kho (vocabulary)', `${f.vocabulary} (ngưỡng ${r.policy.minVocabulary})`],
          ['Bằng chứng của đoạn tốt nhất (evidence)', `${f.evidence} (ngưỡng ${r.policy.minEvidence})`],
          ['Chênh lệch với đoạn thứ hai (margin)', String(f.margin)],
          ['Đoạn chứa được loại thông tin được hỏi', f.typeSatisfied ? 'Có' : 'Không'],
          ['Truy xuất một mình sẽ từ chối', r.retrievalWouldRefuse ? 'Có' : 'Không'],
          ['Ý định nhận ra', r.intent && r.intent.kind ? r.intent.kind : '–'],
          ['Thời gian trả lời', `${r.answer.ms} ms`],
        ];
        $('#rt-features tbody').replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row', text: k }), el('td', { text: v }))));
        $('#rt-hits').replaceChildren(...(r.hits.length ? r.hits.map((h) => hitItem(h)) : [el('li', { class: 'muted', text: 'Không tìm được đoạn nào.' })]));
      } catch (e) {
        $('#rt-answer-box').hidden = false;
        verdict.textContent = e.message;
        verdict.className = 'error';
      }
    });
  }

  retrievalPage();
})();
