'use strict';
// Fleetcare advisor page: plain JS, no build step, no external resources.
(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const state = { token: sessionStorage.getItem('fleetcare.token'), user: null, orders: new Map(),
                  selected: null, events: null };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) { if (v != null) e.setAttribute(k, v); }
    if (text != null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }
  const fmtDate = (s) => s ? new Date(s.length === 10 ? s + 'T00:00:00' : s).toLocaleDateString() : '–';
  const fmtTime = (s) => s ? new Date(s).toLocaleString() : '–';
  const fmtShort = (s) => s ? new Date(s + 'T00:00:00').toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) : '–';
  const label = (s) => (s || '').replace(/_/g, ' ').toLowerCase();

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers['Authorization'] = 'Bearer ' + state.token;
    if (opts.body) opts.headers['Content-Type'] = 'application/json';
    const res = await fetch(path, opts);
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) { logout(); throw new Error(body.message || 'please log in again'); }
    if (!res.ok) throw new Error(body.message || ('request failed: ' + res.status));
    return body;
  }

  // ---- login ----
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const res = await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: $('username').value.trim(), password: $('password').value }) });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.message || 'login failed');
      useToken(body.token);
    } catch (e) { $('login-error').textContent = e.message; }
  });
  $('token-form').addEventListener('submit', (ev) => { ev.preventDefault(); useToken($('token').value.trim()); });
  $('logout').addEventListener('click', logout);

  function useToken(token) {
    state.token = token;
    sessionStorage.setItem('fleetcare.token', token);
    start().catch((e) => { $('login-error').textContent = e.message; });
  }

  function logout() {
    sessionStorage.removeItem('fleetcare.token');
    state.token = null;
    if (state.events) { state.events.close(); state.events = null; }
    $('whoami').hidden = true; $('queue-view').hidden = true; $('outcomes-view').hidden = true;
    $('login').hidden = false;
  }

  async function start() {
    state.user = await api('/api/me');
    $('user-name').textContent = state.user.displayName;
    $('user-role').textContent = label(state.user.role);
    $('user-dealer').textContent = state.user.dealerId || 'all';
    $('login').hidden = true; $('whoami').hidden = false; showTab('queue');
    $('actions').hidden = state.user.role === 'CUSTOMER_SERVICE';
    await loadQueue();
    openEvents();
  }

  // ---- tabs ----
  function showTab(name) {
    $('queue-view').hidden = name !== 'queue';
    $('outcomes-view').hidden = name !== 'outcomes';
    $('tab-queue').classList.toggle('active', name === 'queue');
    $('tab-outcomes').classList.toggle('active', name === 'outcomes');
    if (name === 'outcomes') loadOutcomes();
  }
  $('tab-queue').addEventListener('click', () => showTab('queue'));
  $('tab-outcomes').addEventListener('click', () => showTab('outcomes'));

  // ---- queue ----
  function filterParams() {
    const p = new URLSearchParams();
    const add = (k, v) => { if (v) p.set(k, v); };
    add('status', $('f-status').value); add('type', $('f-type').value); add('urgency', $('f-urgency').value);
    add('dueFrom', $('f-due-from').value); add('dueTo', $('f-due-to').value);
    p.set('limit', '200');
    return p;
  }
  function matchesFilter(o) {
    const has = (sel, v) => !$(sel).value || $(sel).value.split(',').includes(v);
    const from = $('f-due-from').value, to = $('f-due-to').value;
    return has('f-status', o.status) && has('f-type', o.type) && has('f-urgency', o.urgency)
      && (!from || o.dueTo >= from) && (!to || o.dueFrom <= to);
  }
  for (const id of ['f-status', 'f-type', 'f-urgency', 'f-due-from', 'f-due-to']) {
    $(id).addEventListener('change', () => loadQueue().catch(showActionError));
  }

  async function loadQueue() {
    const res = await api('/api/orders?' + filterParams());
    state.orders = new Map(res.orders.map((o) => [o.id, o]));
    renderQueue();
  }

  function sortKey(o) {
    const closed = (o.status === 'DONE' || o.status === 'DISMISSED') ? 1 : 0;
    return [closed, o.urgency === 'URGENT' ? 0 : 1, o.dueFrom, o.receivedAt ? -Date.parse(o.receivedAt) : 0];
  }
  function compare(a, b) {
    const ka = sortKey(a), kb = sortKey(b);
    for (let i = 0; i < ka.length; i++) { if (ka[i] < kb[i]) return -1; if (ka[i] > kb[i]) return 1; }
    return 0;
  }

  function renderQueue(freshId) {
    const body = $('queue').tBodies[0];
    body.replaceChildren();
    const orders = [...state.orders.values()].sort(compare);
    for (const o of orders) {
      const tr = el('tr', { 'class': 'order-row', 'data-id': o.id, 'data-status': o.status });
      if (o.id === state.selected) tr.classList.add('selected');
      if (o.id === freshId) tr.classList.add('fresh');
      const urgency = el('td'); urgency.append(el('span', { 'class': 'dot ' + o.urgency, title: o.urgency }));
      const type = el('td', null, label(o.type));
      if (o.escalatedAt) type.append(el('div', { 'class': 'escalated' }, 'escalated'));
      tr.append(urgency, type, el('td', null, o.vin), el('td', { 'class': 'due' }, fmtShort(o.dueFrom) + ' – ' + fmtShort(o.dueTo)));
      const st = el('td'); st.append(el('span', { 'class': 'status ' + o.status }, label(o.status)));
      tr.append(st);
      tr.addEventListener('click', () => select(o.id));
      body.append(tr);
    }
    $('queue-empty').hidden = orders.length > 0;
  }

  // ---- live feed ----
  function openEvents() {
    if (state.events) state.events.close();
    const es = new EventSource('/api/events?access_token=' + encodeURIComponent(state.token));
    state.events = es;
    es.addEventListener('ready', () => { setLive(true); loadQueue().catch(() => {}); });
    es.addEventListener('order', (ev) => {
      const o = JSON.parse(ev.data);
      const known = state.orders.has(o.id);
      if (matchesFilter(o)) state.orders.set(o.id, o); else state.orders.delete(o.id);
      renderQueue(known ? null : o.id);
      if (o.id === state.selected) select(o.id);
    });
    es.onerror = () => setLive(false);
  }
  function setLive(on) {
    $('live').textContent = on ? 'live' : 'offline';
    $('live').className = 'live ' + (on ? 'on' : 'off');
  }

  // ---- detail ----
  async function select(id) {
    state.selected = id;
    for (const tr of document.querySelectorAll('tr.order-row')) tr.classList.toggle('selected', tr.dataset.id === id);
    const [order, health] = await Promise.all([api('/api/orders/' + id), api('/api/orders/' + id + '/health')]);
    if (state.selected !== id) return;
    renderDetail(order, health);
  }

  function renderDetail(o, health) {
    $('detail').hidden = false;
    $('detail').dataset.id = o.id;
    $('detail-title').textContent = label(o.type) + ' · ' + o.vin;
    $('detail-status').textContent = label(o.status);
    $('detail-status').className = 'status ' + o.status;
    $('detail-urgency').textContent = label(o.urgency);
    $('detail-urgency').className = 'badge ' + o.urgency;
    $('detail-summary').textContent = (o.evidence && o.evidence.summary) || '';
    const facts = $('detail-facts'); facts.replaceChildren();
    const fact = (k, v) => { if (v != null && v !== '') facts.append(el('dt', null, k), el('dd', null, String(v))); };
    fact('Predicted', fmtDate(o.predictedDate));
    fact('Due', fmtDate(o.dueFrom) + ' – ' + fmtDate(o.dueTo));
    fact('Probability', Math.round(o.probability * 100) + ' %');
    if (o.evidence && o.evidence.interval) fact('Interval', Math.round(o.evidence.interval.level * 100) + ' %: ' + fmtDate(o.evidence.interval.from) + ' – ' + fmtDate(o.evidence.interval.to));
    // v1 carries the package inside the evidence; the service lifts it to servicePackage.
    const pkg = o.servicePackage || (o.evidence && o.evidence.servicePackage) || '';
    $('detail-package').hidden = !pkg;
    $('detail-package-name').textContent = pkg;
    fact('Department', label(o.department));
    fact('Customer phone', o.customerPhone);
    if (o.location) fact('Location', o.location.latitude.toFixed(o.masked ? 1 : 4) + ', ' + o.location.longitude.toFixed(o.masked ? 1 : 4) + (o.masked ? ' (~10 km)' : ''));
    fact('Appointment', o.appointmentAt && fmtTime(o.appointmentAt));
    if (o.serviceRecord) fact('Service', 'odometer ' + o.serviceRecord.odometerKm + ' km; parts ' + (o.serviceRecord.parts.join(', ') || '–') + (o.serviceRecord.customerScore != null ? '; score ' + o.serviceRecord.customerScore : ''));
    if (o.dismissReason) fact('Dismissed', label(o.dismissReason) + (o.dismissNote ? ': ' + o.dismissNote : ''));
    if (o.escalatedAt) fact('Escalated', fmtTime(o.escalatedAt) + ' to ' + o.escalatedTo);
    fact('Model', o.modelVersion);
    drawChart(o.evidence || {});
    $('btn-acknowledge').disabled = o.status !== 'NEW';
    $('btn-schedule').disabled = !(o.status === 'ACKNOWLEDGED' || o.status === 'SCHEDULED');
    $('btn-done').disabled = !(o.status === 'ACKNOWLEDGED' || o.status === 'SCHEDULED');
    $('btn-dismiss').disabled = !(o.status === 'NEW' || o.status === 'ACKNOWLEDGED' || o.status === 'SCHEDULED');
    for (const f of ['schedule-form', 'done-form', 'dismiss-form']) $(f).hidden = true;
    $('action-error').textContent = '';
    renderTimeline($('history'), o.history);
    renderTimeline($('health'), health.timeline, true);
  }

  function renderTimeline(list, entries, withOrder) {
    list.replaceChildren();
    for (const e of entries) {
      const li = el('li');
      li.append(el('time', { datetime: e.at }, fmtTime(e.at)));
      let text = label(e.action) + ' by ' + e.actor;
      if (e.detail && e.detail.reason) text += ' (' + label(e.detail.reason) + ')';
      if (e.detail && e.detail.escalatedTo) text += ' → ' + e.detail.escalatedTo;
      if (e.detail && e.detail.appointmentAt) text += ' for ' + fmtTime(e.detail.appointmentAt);
      if (e.detail && e.detail.odometerKm != null) text += ' at ' + e.detail.odometerKm + ' km';
      if (withOrder && e.detail && e.detail.type) text += ' · ' + label(e.detail.type);
      if (e.detail && e.detail.changes) text += ': ' + describeChanges(e.detail.changes);
      li.append(document.createTextNode(text));
      list.append(li);
    }
  }

  // A planner update's audit detail: {field: {from, to}}, evidence: true.
  function describeChanges(changes) {
    const names = { predictedDate: 'predicted', dueFrom: 'due from', dueTo: 'due to', modelVersion: 'model', servicePackage: 'package' };
    const show = (k, v) => v == null ? '–' : (k === 'probability' ? Math.round(v * 100) + ' %' : (k === 'urgency' ? label(v) : String(v)));
    return Object.keys(changes).map((k) => k === 'evidence' ? 'new evidence'
      : (names[k] || label(k)) + ' ' + show(k, changes[k].from) + ' → ' + show(k, changes[k].to)).join(', ');
  }

  // ---- chart: measured series, forecast with its interval, threshold ----
  function drawChart(ev) {
    const box = $('chart'); box.replaceChildren();
    const series = Array.isArray(ev.series) ? ev.series : [];
    const forecast = Array.isArray(ev.forecast) ? ev.forecast : [];
    if (series.length + forecast.length < 2) { box.append(el('p', { 'class': 'muted' }, 'No signal history for this order.')); return; }
    const W = 640, H = 260, L = 48, R = 12, T = 14, B = 30;
    const xs = series.concat(forecast).map((p) => p.ts);
    const ys = series.map((p) => p.value).concat(forecast.flatMap((p) => [p.value, p.low ?? p.value, p.high ?? p.value]));
    if (typeof ev.threshold === 'number') ys.push(ev.threshold);
    const x0 = Math.min(...xs), x1 = Math.max(...xs);
    let y0 = Math.min(...ys), y1 = Math.max(...ys); const pad = (y1 - y0) * 0.08 || 1; y0 -= pad; y1 += pad;
    const X = (t) => L + (t - x0) / (x1 - x0 || 1) * (W - L - R);
    const Y = (v) => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', id: 'chart-svg' });
    const title = svg('title', {}); title.textContent = (ev.signal || 'signal') + ' (' + (ev.unit || '') + ')'; root.append(title);
    for (let i = 0; i <= 4; i++) {
      const v = y0 + (y1 - y0) * i / 4, y = Y(v);
      root.append(svg('line', { x1: L, x2: W - R, y1: y, y2: y, stroke: '#e6e9ef' }));
      const t = svg('text', { x: L - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#667085' });
      t.textContent = (Math.abs(y1 - y0) < 10 ? v.toFixed(1) : Math.round(v)); root.append(t);
    }
    for (let i = 0; i <= 4; i++) {
      const ts = x0 + (x1 - x0) * i / 4;
      const anchor = i === 0 ? 'start' : (i === 4 ? 'end' : 'middle');
      const t = svg('text', { x: X(ts), y: H - 8, 'text-anchor': anchor, 'font-size': 11, fill: '#667085' });
      t.textContent = new Date(ts).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }); root.append(t);
    }
    if (forecast.length && forecast[0].low != null) {
      const upper = forecast.map((p) => `${X(p.ts)},${Y(p.high)}`);
      const lower = forecast.slice().reverse().map((p) => `${X(p.ts)},${Y(p.low)}`);
      root.append(svg('polygon', { points: upper.concat(lower).join(' '), fill: '#f5c77e', 'fill-opacity': 0.5, 'class': 'band' }));
    }
    if (typeof ev.threshold === 'number') {
      root.append(svg('line', { x1: L, x2: W - R, y1: Y(ev.threshold), y2: Y(ev.threshold), stroke: '#c62828', 'stroke-width': 2, 'class': 'threshold' }));
    }
    if (series.length) {
      root.append(svg('polyline', { points: series.map((p) => `${X(p.ts)},${Y(p.value)}`).join(' '), fill: 'none', stroke: '#1f6feb', 'stroke-width': 2, 'class': 'measured' }));
      const last = series[series.length - 1];
      root.append(svg('line', { x1: X(last.ts), x2: X(last.ts), y1: T, y2: H - B, stroke: '#98a2b3', 'stroke-dasharray': '2 3' }));
    }
    if (forecast.length) {
      const pts = (series.length ? [series[series.length - 1]] : []).concat(forecast);
      root.append(svg('polyline', { points: pts.map((p) => `${X(p.ts)},${Y(p.value)}`).join(' '), fill: 'none', stroke: '#b26a00', 'stroke-width': 2, 'stroke-dasharray': '6 4', 'class': 'forecast' }));
    }
    box.append(root);
  }

  // ---- actions ----
  function showActionError(e) { $('action-error').textContent = e.message; }
  async function act(action, body) {
    const id = state.selected;
    try {
      const o = await api('/api/orders/' + id + '/' + action, { method: 'POST', body: JSON.stringify(body || {}) });
      if (matchesFilter(o)) state.orders.set(o.id, o); else state.orders.delete(o.id);
      renderQueue();
      await select(id);
    } catch (e) { showActionError(e); }
  }
  const toggle = (form) => { for (const f of ['schedule-form', 'done-form', 'dismiss-form']) $(f).hidden = f !== form || !$(f).hidden; };
  $('btn-acknowledge').addEventListener('click', () => act('acknowledge'));
  $('btn-schedule').addEventListener('click', () => {
    const d = new Date(Date.now() + 3 * 86400000); d.setHours(9, 0, 0, 0);
    const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    if (!$('schedule-at').value) $('schedule-at').value = local;
    toggle('schedule-form');
  });
  $('btn-done').addEventListener('click', () => toggle('done-form'));
  $('btn-dismiss').addEventListener('click', () => toggle('dismiss-form'));
  function withOffset(local) {
    const d = new Date(local); const off = -d.getTimezoneOffset();
    const sign = off >= 0 ? '+' : '-', a = Math.abs(off);
    return local + (local.length === 16 ? ':00' : '') + sign + String(Math.floor(a / 60)).padStart(2, '0') + ':' + String(a % 60).padStart(2, '0');
  }
  $('schedule-form').addEventListener('submit', (ev) => { ev.preventDefault(); act('schedule', { appointmentAt: withOffset($('schedule-at').value) }); });
  $('done-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = { odometerKm: Number($('done-odometer').value),
      parts: $('done-parts').value.split(',').map((s) => s.trim()).filter(Boolean) };
    if ($('done-score').value !== '') body.customerScore = Number($('done-score').value);
    if ($('done-notes').value.trim()) body.notes = $('done-notes').value.trim();
    act('done', body);
  });
  $('dismiss-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = { reason: $('dismiss-reason').value };
    if ($('dismiss-note').value.trim()) body.note = $('dismiss-note').value.trim();
    act('dismiss', body);
  });

  // ---- outcomes ----
  async function loadOutcomes() {
    const res = await api('/api/stats/outcomes');
    const body = $('outcomes').tBodies[0]; body.replaceChildren();
    const pct = (x) => Math.round(x * 100) + ' %';
    for (const s of res.outcomes) {
      const tr = el('tr');
      const ack = s.meanSecondsToAcknowledge == null ? '–' : (s.meanSecondsToAcknowledge / 3600).toFixed(1) + ' h';
      const nps = s.nps == null ? '–' : Math.round(s.nps) + ' (' + s.scoreResponses + ')';
      for (const v of [label(s.type), s.ordered, s.scheduled + ' · ' + pct(s.scheduledRate), s.done + ' · ' + pct(s.doneRate),
                       s.dismissed, pct(s.falseAlarmRate), ack, nps]) tr.append(el('td', null, String(v)));
      body.append(tr);
    }
  }

  if (state.token) start().catch(() => logout());
})();
