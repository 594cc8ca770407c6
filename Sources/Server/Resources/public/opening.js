/* 开标大厅 — keeps the opening room live: the status arrives over server-sent events (EventSource reconnects by
 * itself and sends Last-Event-ID); the countdown runs on server time (the offset from each status's serverTime);
 * the forms post to the JSON API with the session cookie. Every user text is set with textContent. */
(function () {
  'use strict';
  var room = document.getElementById('opening-room');
  var initial = document.getElementById('opening-status');
  if (!room || !initial) { return; }
  var api = room.getAttribute('data-api');
  var mine = (room.getAttribute('data-custodian') || '').split(',').filter(Boolean).map(Number);
  var isRunner = room.getAttribute('data-runner') === '1';
  var status = null;
  var offset = 0;
  var drafts = {};

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  /* Beijing time (UTC+8) without depending on the browser's time zone data. */
  function beijing(iso) {
    if (!iso) { return ''; }
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
  }
  /* Integer fen to "1,234,567.89" yuan, with no floating-point arithmetic on the amount. */
  function yuan(fen) {
    var negative = fen < 0, abs = Math.abs(fen), whole = String(Math.floor(abs / 100)), cents = abs % 100;
    return (negative ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + pad(cents);
  }
  function party(id) { return (status.parties && status.parties[id]) || id; }
  function show(node, visible) { if (node) { node.hidden = !visible; } }

  function tick() {
    if (!status) { return; }
    var label = $('room-countdown-label'), value = $('room-countdown-value');
    if (!status.deadline) { label.textContent = '开标时间'; value.textContent = '未定'; return; }
    var left = Math.max(0, Math.floor((Date.parse(status.deadline) - (Date.now() + offset)) / 1000));
    if (left > 0) {
      var days = Math.floor(left / 86400), rest = left % 86400;
      label.textContent = '距投标截止暨开标';
      value.textContent = (days > 0 ? days + ' 天 ' : '') + pad(Math.floor(rest / 3600)) + ':' + pad(Math.floor(rest % 3600 / 60)) + ':' + pad(rest % 60);
      room.setAttribute('data-countdown', String(left));
    } else {
      label.textContent = '投标已截止';
      value.textContent = '00:00:00';
      room.setAttribute('data-countdown', '0');
      if (status.phase === 'scheduled') { $('room-phase').textContent = '已到开标时间'; }
    }
  }

  function renderCustodians() {
    var list = $('room-custodians');
    if (!list) { return; }
    list.textContent = '';
    status.custodians.forEach(function (c) {
      var item = el('li', c.released ? 'released' : '');
      item.appendChild(el('span', 'mark', c.released ? '已提交' : '未提交'));
      item.appendChild(document.createTextNode(c.position + '. ' + c.name));
      if (c.releasedAt) { item.appendChild(el('span', 'muted', ' ' + beijing(c.releasedAt))); }
      list.appendChild(item);
    });
  }

  function renderSheet() {
    var table = $('room-sheet'), opened = Array.isArray(status.priceSheet);
    show(table, opened);
    show($('room-sheet-wait'), !opened);
    var body = table.querySelector('tbody');
    body.textContent = '';
    (status.priceSheet || []).forEach(function (row) {
      var tr = el('tr');
      tr.appendChild(el('td', '', String(row.position)));
      tr.appendChild(el('td', 'wrap', party(row.bidderId)));
      tr.appendChild(el('td', 'num', yuan(row.readOut.price.fen)));
      body.appendChild(tr);
    });
    var aside = $('room-set-aside');
    aside.textContent = '';
    status.setAside.forEach(function (bid) {
      var why = bid.failure.fault === 'bidder' ? '视为撤销投标文件' : '视为撤回投标文件';
      aside.appendChild(el('li', '', bid.position + '. ' + party(bid.bidderId) + '：' + why + '（' + bid.failure.zh + '）'));
    });
  }

  function renderObjections() {
    var list = $('room-objections');
    list.querySelectorAll('textarea[data-objection]').forEach(function (t) { drafts[t.getAttribute('data-objection')] = t.value; });
    list.textContent = '';
    status.objections.forEach(function (o) {
      var item = el('li'), head = el('p');
      head.appendChild(el('strong', '', party(o.bidderId)));
      head.appendChild(el('span', 'muted', ' ' + beijing(o.raisedAt)));
      item.appendChild(head);
      item.appendChild(el('p', 'text', o.text));
      if (o.answer) {
        item.appendChild(el('p', 'answer', '答复（' + beijing(o.answer.answeredAt) + '）：' + o.answer.text));
      } else {
        item.appendChild(el('p', 'pending', '待答复'));
        if (isRunner && !status.record) { item.appendChild(answerForm(o.id)); }
      }
      list.appendChild(item);
    });
    show($('room-no-objections'), status.objections.length === 0);
  }

  function answerForm(id) {
    var form = el('form', 'stack answer-form'), box = el('textarea');
    box.name = 'text'; box.rows = 2; box.required = true; box.setAttribute('data-objection', id);
    box.value = drafts[id] || '';
    var label = el('label', '', '当场答复 ');
    label.appendChild(box);
    form.appendChild(label);
    form.appendChild(el('button', '', '提交答复'));
    form.appendChild(el('p', 'form-result'));
    submitting(form, function () {
      return post(api + '/opening/objections/' + encodeURIComponent(id) + '/answer', JSON.stringify({ text: box.value }), 'application/json')
        .then(function () { delete drafts[id]; return '已答复。'; });
    });
    return form;
  }

  function renderForms() {
    var waiting = status.phase === 'awaiting-shares';
    var pending = status.custodians.some(function (c) { return mine.indexOf(c.position) >= 0 && !c.released; });
    show($('share-form'), waiting && pending);
    show($('objection-form'), status.objectionsOpen);
    show($('sign-form'), isRunner && Array.isArray(status.priceSheet) && !status.record);
    var record = $('room-record');
    if (status.record) {
      record.textContent = '已签署（' + beijing(status.record.signedAt) + '，' + status.record.signedBy + '）。SHA-256：';
      record.appendChild(el('code', 'hash', status.record.sha256));
      var link = el('a', '', ' 记录全文');
      link.href = status.record.url;
      record.appendChild(link);
    } else {
      record.textContent = status.openObjections > 0 ? '尚未签署：还有 ' + status.openObjections + ' 项异议待答复。' : '尚未签署。';
    }
  }

  function apply(next) {
    if (status && next.sequence < status.sequence) { return; }
    status = next;
    offset = Date.parse(next.serverTime) - Date.now();
    room.setAttribute('data-sequence', String(next.sequence));
    var phase = $('room-phase');
    phase.textContent = next.phaseZh;
    phase.setAttribute('data-phase', next.phase);
    $('room-deadline').textContent = next.deadline ? beijing(next.deadline) + '（北京时间）' : '未定';
    $('room-bids').textContent = next.bidCount === null || next.bidCount === undefined ? '截止后公布' : next.bidCount + ' 份';
    var failure = $('room-failure');
    failure.textContent = next.failure || '';
    show(failure, !!next.failure);
    renderCustodians();
    renderSheet();
    renderObjections();
    renderForms();
    tick();
  }

  function post(url, body, type) {
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Content-Type': type, 'Accept': 'application/json' } })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = JSON.parse(text); } catch (e) { json = null; }
          if (!response.ok) { throw new Error((json && json.zh) || ('请求失败（' + response.status + '）')); }
          return json;
        });
      });
  }

  function submitting(form, action) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var result = form.querySelector('.form-result'), button = form.querySelector('button');
      button.disabled = true;
      result.className = 'form-result';
      result.textContent = '正在提交……';
      Promise.resolve().then(action).then(function (message) {
        result.textContent = message;
        result.className = 'form-result ok';
      }, function (error) {
        result.textContent = error.message;
        result.className = 'form-result alert';
      }).then(function () { button.disabled = false; });
    });
  }

  var shareForm = $('share-form');
  if (shareForm) {
    submitting(shareForm, function () {
      var files = Array.prototype.slice.call(shareForm.querySelector('input[type=file]').files || []);
      return Promise.all(files.map(function (f) { return f.text(); })).then(function (texts) {
        var text = texts.concat([shareForm.querySelector('textarea').value]).join('\n').trim();
        if (!text) { throw new Error('请选择份额文件或粘贴份额内容。'); }
        return post(api + '/shares', text + '\n', 'text/plain; charset=utf-8');
      }).then(function () { shareForm.reset(); return '密钥份额已提交。'; });
    });
  }
  var objectionForm = $('objection-form');
  if (objectionForm) {
    submitting(objectionForm, function () {
      var box = objectionForm.querySelector('textarea');
      return post(api + '/opening/objections', JSON.stringify({ text: box.value }), 'application/json')
        .then(function () { box.value = ''; return '异议已提交，等待招标人当场答复。'; });
    });
  }
  var signForm = $('sign-form');
  if (signForm) {
    submitting(signForm, function () {
      return post(api + '/opening/sign', '{}', 'application/json').then(function (r) { return '开标记录已签署，SHA-256 ' + r.sha256; });
    });
  }

  apply(JSON.parse(initial.textContent));
  window.setInterval(tick, 250);
  if (window.EventSource) {
    var live = $('room-live');
    var source = new EventSource(api + '/opening/events');
    source.addEventListener('status', function (event) { apply(JSON.parse(event.data)); });
    source.onopen = function () { live.textContent = '实时'; live.className = 'live on'; };
    source.onerror = function () { live.textContent = '连接中断，正在重连……'; live.className = 'live off'; };
  }
}());
