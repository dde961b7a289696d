// Admin console page /admin/answers (served as /admin/assets/console-answers.js after console-core.js).

(() => {
  const { $, el, api, say } = window.cchcConsole;

  // === Curated answers
  function answersPage() {
    const result = $('#answer-result');
    const lines = (s) =>
      s
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);

    function editRow(a, tr) {
      const q = el('textarea', { rows: 3, 'aria-label': 'Các cách hỏi, mỗi dòng một câu' });
      q.value = a.questions.join('\n');
      const ans = el('textarea', { rows: 4, 'aria-label': 'Câu trả lời' });
      ans.value = a.answer;
      const src = el('input', { 'aria-label': 'Nguồn', value: a.source || '' });
      const save = el('button', {
        type: 'button',
        class: 'small',
        text: 'Lưu',
        onclick: async () => {
          try {
            await api('PATCH', `/admin/api/answers/${a.id}`, { questions: lines(q.value), answer: ans.value, source: src.value });
            say(result, 'Đã lưu; áp dụng ngay cho câu hỏi tiếp theo.', true);
            await load();
          } catch (e) {
            say(result, e.message, false);
          }
        },
      });
      tr.replaceChildren(el('td', {}, q), el('td', {}, ans), el('td', {}, src), el('td', { class: 'num', text: a.hits }), el('td', {}, save));
    }

    async function load() {
      const { items, files } = await api('GET', '/admin/api/answers');
      $('#answers-table tbody').replaceChildren(
        ...(items.length === 0
          ? [el('tr', {}, el('td', { colspan: 5, class: 'muted', text: 'Chưa có câu trả lời nào được thêm trong trang quản trị.' }))]
          : items.map((a) => {
              const tr = el('tr', { 'data-id': a.id, class: a.retired ? 'muted' : null });
              tr.append(
                el('td', {}, el('ul', {}, ...a.questions.map((x) => el('li', { text: x })))),
                el('td', { text: a.answer }),
                el('td', { text: a.source || '–' }),
                el('td', { class: 'num', text: a.hits }),
                el(
                  'td',
                  {},
                  a.retired ? el('span', { class: 'muted', text: 'Đã ngừng dùng ' }) : null,
                  el('button', { type: 'button', class: 'small secondary', text: 'Sửa', onclick: () => editRow(a, tr) }),
                  el('button', {
                    type: 'button',
                    class: a.retired ? 'small' : 'small danger',
                    text: a.retired ? 'Dùng lại' : 'Ngừng dùng',
                    onclick: async () => {
                      try {
                        await api('PATCH', `/admin/api/answers/${a.id}`, { retired: !a.retired });
                        await load();
                      } catch (e) {
                        say(result, e.message, false);
                      }
                    },
                  }),
                ),
              );
              return tr;
            })),
      );
      $('#files-table tbody').replaceChildren(
        ...files.map((f) => el('tr', {}, el('td', { text: f.entryId }), el('td', { text: f.questions.join(' · ') }), el('td', { class: 'num', text: f.hits }))),
      );
    }

    $('#answer-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = ev.target.elements;
      try {
        const body = { questions: lines(f.questions.value), answer: f.answer.value };
        if (f.source.value.trim()) body.source = f.source.value.trim();
        await api('POST', '/admin/api/answers', body);
        say(result, 'Đã lưu; bot dùng câu trả lời này ngay từ câu hỏi tiếp theo.', true);
        ev.target.reset();
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    });
    load().catch((e) => say(result, e.message, false));
  }

  answersPage();
})();
