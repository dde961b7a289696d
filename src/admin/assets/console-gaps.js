// Admin console page /admin/gaps (served as /admin/assets/console-gaps.js after console-core.js).

(() => {
  const { $, el, api, say, fmtTime, retrieve, hitItem } = window.cchcConsole;

  // === Gap queue
  function gapsPage() {
    const result = $('#gap-result');
    const ACTIONS = { answer: 'Đã viết câu trả lời', attach: 'Đã gắn đoạn văn bản', out_of_scope: 'Ngoài phạm vi', dismiss: 'Bỏ qua' };

    async function act(g, body, label) {
      try {
        await api('POST', '/admin/api/gaps/action', { key: g.key, ...body });
        say(result, `${label}: "${g.question}".`, true);
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    }

    function groupCard(g, i) {
      const ans = el('textarea', { id: `gap-answer-${i}`, rows: 3, minlength: 10, maxlength: 4000 });
      const src = el('input', { id: `gap-source-${i}`, maxlength: 500 });
      const candidates = el('ol', { class: 'passages candidates' });
      const form = el(
        'form',
        {
          class: 'stack',
          onsubmit: (ev) => (
            ev.preventDefault(), act(g, { action: 'answer', answer: ans.value, ...(src.value.trim() ? { source: src.value.trim() } : {}) }, ACTIONS.answer)
          ),
        },
        el('label', { for: `gap-answer-${i}`, text: 'Câu trả lời' }, ans),
        el('label', { for: `gap-source-${i}`, text: 'Nguồn (không bắt buộc)' }, src),
        el('div', {}, el('button', { type: 'submit', text: 'Lưu câu trả lời' })),
      );
      const tags = `${g.count} lượt hỏi${g.abstained ? ` · ${g.abstained} lần bot từ chối` : ''}${g.downVotes ? ` · ${g.downVotes} lượt đánh giá không hữu ích` : ''} · gần nhất ${fmtTime(g.lastAskedAt)}`;
      return el(
        'article',
        { class: 'gap', 'data-key': g.key },
        el('h3', { text: g.question }),
        el('p', { class: 'muted', text: tags }),
        g.variants.length > 1 ? el('p', { class: 'variants', text: `Các cách hỏi: ${g.variants.map((v) => `${v.question} (${v.count})`).join(' · ')}` }) : null,
        form,
        el(
          'div',
          {},
          el('button', {
            type: 'button',
            class: 'small secondary',
            text: 'Tìm đoạn văn bản để gắn',
            onclick: async () => {
              try {
                const r = await retrieve(g.question);
                candidates.replaceChildren(
                  ...r.hits.slice(0, 5).map((h) =>
                    hitItem(
                      h,
                      el('button', {
                        type: 'button',
                        class: 'small',
                        text: 'Gắn đoạn này',
                        onclick: () => act(g, { action: 'attach', passageId: h.id || h.citation }, ACTIONS.attach),
                      }),
                    ),
                  ),
                );
              } catch (e) {
                say(result, e.message, false);
              }
            },
          }),
          el('button', {
            type: 'button',
            class: 'small secondary',
            text: 'Ngoài phạm vi',
            onclick: () => act(g, { action: 'out_of_scope' }, ACTIONS.out_of_scope),
          }),
          el('button', { type: 'button', class: 'small secondary', text: 'Bỏ qua', onclick: () => act(g, { action: 'dismiss' }, ACTIONS.dismiss) }),
        ),
        candidates,
      );
    }

    async function load() {
      const { groups, history } = await api('GET', '/admin/api/gaps');
      $('#gap-groups').replaceChildren(...(groups.length ? groups.map(groupCard) : [el('p', { class: 'muted', text: 'Không còn câu hỏi nào cần xử lý.' })]));
      $('#gap-history').replaceChildren(
        ...(history.length === 0 ? [el('li', { class: 'muted', text: 'Chưa có.' })] : []),
        ...history.map((h) => el('li', { text: `${fmtTime(h.createdAt)} · ${ACTIONS[h.action] || h.action}: ${h.question}` })),
      );
    }
    load().catch((e) => say(result, e.message, false));
  }

  gapsPage();
})();
