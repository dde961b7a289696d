// Admin console page /admin/usage (served as /admin/assets/console-usage.js after console-core.js).

(() => {
  const { $, el, api } = window.cchcConsole;

  // === Usage
  function usagePage() {
    const pct = (x) => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);
    async function load() {
      const days = $('#us-days').value;
      const s = await api('GET', `/admin/api/usage?days=${days}`);
      $('#usage-csv').href = `/admin/usage.csv?days=${days}`;
      $('#usage-daily').src = `/admin/usage/daily.svg?days=${days}`;
      $('#usage-rates').src = `/admin/usage/rates.svg?days=${days}`;
      const stats = [
        ['Số câu hỏi', s.questions],
        ['Tỷ lệ từ chối', pct(s.refusalRate)],
        ['Đánh giá hữu ích', pct(s.upRate)],
        ['Đánh giá không hữu ích', pct(s.downRate)],
        ['Thời gian trả lời trung vị', s.medianAnswerMs === null ? '–' : `${s.medianAnswerMs} ms`],
      ];
      $('#usage-stats').replaceChildren(...stats.map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: v }))));
      $('#usage-top').replaceChildren(
        ...(s.topQuestions.length
          ? s.topQuestions.map((t) => el('li', { text: `${t.question} (${t.count})` }))
          : [el('li', { class: 'muted', text: 'Chưa có câu hỏi.' })]),
      );
    }
    $('#us-days').addEventListener('change', () => load().catch(() => {}));
    load().catch(() => {});
  }

  usagePage();
})();
