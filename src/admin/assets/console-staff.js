// Admin console page /admin/staff (served as /admin/assets/console-staff.js after console-core.js).

(() => {
  const { $, el, api, say, fmtTime, CHANNELS } = window.cchcConsole;

  // === Staff
  function staffPage() {
    const result = $('#invite-result');
    async function load() {
      const { units, staff, invites } = await api('GET', '/admin/api/staff');
      const sel = $('#inv-unit');
      if (sel.options.length === 0) sel.replaceChildren(...units.map((u) => el('option', { value: u.name, text: u.name })));
      $('#invites-table tbody').replaceChildren(
        ...(invites.length === 0
          ? [el('tr', {}, el('td', { colspan: 5, class: 'muted', text: 'Không có mã mời nào đang chờ.' }))]
          : invites.map((i) =>
              el(
                'tr',
                {},
                el('td', {}, el('span', { class: 'code', text: i.code })),
                el('td', { text: i.unit }),
                el('td', { text: i.role === 'admin' ? 'Quản trị viên' : 'Cán bộ' }),
                el('td', { text: fmtTime(i.createdAt) }),
                el(
                  'td',
                  {},
                  el('button', {
                    type: 'button',
                    class: 'small danger',
                    text: 'Thu hồi',
                    onclick: () => api('DELETE', `/admin/api/invites/${i.code}`).then(load, (e) => say(result, e.message, false)),
                  }),
                ),
              ),
            )),
      );
      $('#staff-table tbody').replaceChildren(
        ...(staff.length === 0
          ? [el('tr', {}, el('td', { colspan: 6, class: 'muted', text: 'Chưa có cán bộ nào đăng ký.' }))]
          : staff.map((s) => {
              const url = `/admin/api/staff/${encodeURIComponent(s.channel)}/${encodeURIComponent(s.userId)}`;
              const role = el(
                'select',
                { 'aria-label': `Vai trò của ${s.displayName || s.userId}` },
                el('option', { value: 'staff', text: 'Cán bộ' }),
                el('option', { value: 'admin', text: 'Quản trị viên' }),
              );
              role.value = s.role;
              role.addEventListener('change', () => api('PATCH', url, { role: role.value }).then(load, (e) => say(result, e.message, false)));
              return el(
                'tr',
                {},
                el('td', { text: s.displayName || s.userId }),
                el('td', { text: CHANNELS[s.channel] || s.channel }),
                el('td', { text: s.unit || '–' }),
                el('td', { text: fmtTime(s.lastSeenAt) }),
                el('td', {}, role),
                el(
                  'td',
                  {},
                  el('button', {
                    type: 'button',
                    class: 'small danger',
                    text: 'Thu hồi quyền',
                    onclick: () => window.confirm('Thu hồi quyền cán bộ của người này?') && api('DELETE', url).then(load, (e) => say(result, e.message, false)),
                  }),
                ),
              );
            })),
      );
    }
    $('#invite-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = ev.target.elements;
      try {
        const inv = await api('POST', '/admin/api/invites', { unit: f.unit.value, role: f.role.value });
        result.className = 'ok';
        result.replaceChildren('Mã mời: ', el('span', { class: 'code', id: 'invite-code', text: inv.code }), ` — ${inv.howTo}`);
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    });
    load().catch((e) => say(result, e.message, false));
  }

  staffPage();
})();
