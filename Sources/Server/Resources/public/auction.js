/* 网络竞价室 — follows the auction over a WebSocket (`…/live?after=SEQ`): replay after the last sequence number, then live;
 * on a drop it reconnects with the last seq, so nothing is missed or shown twice. The countdown runs on server time
 * (the offset from each message's serverTime), never on the browser's clock alone. Bids post to the JSON API with
 * the session cookie and a client bid id kept until an answer arrives, so a resend is never a second bid. */
(function () {
  'use strict';
  var room = document.getElementById('auction-room');
  var initial = document.getElementById('auction-view');
  if (!room || !initial) { return; }
  var api = room.getAttribute('data-api');
  var view = JSON.parse(initial.textContent);
  var seq = view.seq, endsAt = view.endsAt || null, status = view.status, offset = Date.parse(view.serverTime) - Date.now();
  var price = view.standingPriceFen, minimum = view.minimumNextBidFen, pendingID = null, pendingAmount = null;
  var nextStepAt = view.nextStepAt || null;

  function $(id) { return document.getElementById(id); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function beijing(iso) {
    if (!iso) { return '—'; }
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
  }
  function yuan(fen) {
    if (fen === null || fen === undefined) { return '—'; }
    var whole = String(Math.floor(fen / 100)), cents = fen % 100;
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + pad(cents);
  }
  function fen(text) {
    var m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
    if (!m) { return null; }
    return parseInt(m[1], 10) * 100 + (m[2] ? parseInt((m[2] + '0').slice(0, 2), 10) : 0);
  }
  var phases = { scheduled: '未开始 Scheduled', open: '竞价中 Open', 'free-bidding': '自由报价期 Free bidding', 'timed-bidding': '限时报价期 Timed bidding',
    descending: '降价中 Clock descending', listing: '挂牌期 Listing', 'awaiting-live-round': '等待现场竞价 Awaiting the live round',
    'live-round': '现场竞价 Live round', withdrawn: '已撤回 Withdrawn', closed: '已结束 Closed' };
  var openedPhase = { dutch: 'descending', listing: 'listing' };
  function render() {
    var round = /^round-(\d+)$/.exec(view.phase || '');
    $('auction-phase').textContent = phases[view.phase] || (round ? '第 ' + round[1] + ' 轮报价 Round ' + round[1] : view.phase);
    $('auction-phase').setAttribute('data-phase', view.phase);
    $('auction-price').textContent = price === null || price === undefined ? '暂无出价' : yuan(price) + ' 元';
    $('auction-ends').textContent = status === 'closed' ? '已结束' : beijing(endsAt);
    $('auction-bidders').textContent = view.registeredBidders + ' 人登记，' + view.qualifiedBidders + ' 人取得资格';
    room.setAttribute('data-seq', String(seq));
    room.setAttribute('data-price', price === null || price === undefined ? '' : String(price));
    var input = document.querySelector('#auction-bid input[name=amount]');
    if (input && !input.value && minimum) { input.placeholder = '最低 ' + yuan(minimum); }
    if ($('auction-next-step')) { $('auction-next-step').textContent = status === 'closed' ? '—' : nextStepAt ? beijing(nextStepAt) : '已到最低价 at the floor'; }
  }
  function addBid(line, fresh) {
    var body = document.querySelector('#auction-bids tbody'), row = document.createElement('tr');
    [String(line.bidSequence), line.number, yuan(line.amountFen), beijing(line.time)].forEach(function (text, i) {
      var cell = document.createElement('td');
      if (i === 2) { cell.className = 'num'; }
      cell.textContent = text;
      row.appendChild(cell);
    });
    if (fresh) { row.className = 'fresh'; }
    body.insertBefore(row, body.firstChild);
  }
  function tick() {
    var value = $('auction-countdown');
    if (status === 'closed') { value.textContent = '已结束'; room.setAttribute('data-countdown', '0'); return; }
    if (!endsAt) { value.textContent = '—'; return; }
    var target = status === 'scheduled' ? Date.parse(view.opensAt) : Date.parse(endsAt);
    var left = Math.max(0, Math.floor((target - (Date.now() + offset)) / 1000));
    $('auction-countdown-label').firstChild.textContent = status === 'scheduled' ? '距开始 ' : '距结束 ';
    value.textContent = (left >= 86400 ? Math.floor(left / 86400) + ' 天 ' : '') + pad(Math.floor(left % 86400 / 3600)) + ':' + pad(Math.floor(left % 3600 / 60)) + ':' + pad(left % 60);
    room.setAttribute('data-countdown', String(left));
  }
  function apply(m) {
    if (m.serverTime) { offset = Date.parse(m.serverTime) - Date.now(); }
    if (m.type === 'clock') { if (m.endsAt) { endsAt = m.endsAt; } render(); return; }
    if (m.seq <= seq) { return; }
    seq = m.seq;
    if (m.endsAt !== undefined) { endsAt = m.endsAt; }
    if (m.type === 'opened') { status = 'open'; view.phase = openedPhase[view.kind] || 'open'; }
    if (m.type === 'timed-bidding') { view.phase = 'timed-bidding'; }
    if (m.type === 'round') { view.phase = 'round-' + m.round; }
    if (m.type === 'clock-price') { price = m.standingPriceFen; minimum = price; nextStepAt = m.nextStepAt || null; }
    if (m.type === 'live-round') {
      view.phase = Date.parse(m.startsAt) > Date.now() + offset ? 'awaiting-live-round' : 'live-round';
      var cont = $('auction-continue');
      if (cont) { cont.hidden = true; }
    }
    if (m.type === 'bid') {
      price = m.standingPriceFen; minimum = null;
      if (status === 'scheduled') { status = 'open'; }
      addBid(m, true);
    }
    if (m.type === 'closed') {
      status = 'closed'; view.phase = m.reasonZh === '已撤回' ? 'withdrawn' : 'closed'; endsAt = null;
      var outcome = $('auction-outcome');
      outcome.hidden = false;
      outcome.textContent = m.outcome === 'sold' ? '成交：竞买号 ' + m.winnerNumber + '，成交价 ' + yuan(m.priceFen) + ' 元。成交确认书和竞价记录已公布。' : (m.reasonZh || '流拍');
      var form = $('auction-bid');
      if (form) { form.hidden = true; }
    }
    render();
    tick();
  }
  var socket = null, retry = 500;
  function connect() {
    if (!window.WebSocket) { return; }
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + api + '/live?after=' + seq;
    socket = new WebSocket(url);
    socket.onopen = function () { retry = 500; $('auction-live').className = 'live on'; $('auction-live').textContent = '实时 live'; };
    socket.onmessage = function (event) {
      // A frame holds one or more messages, one JSON object per line, in seq order.
      String(event.data).split('\n').forEach(function (line) {
        try { apply(JSON.parse(line)); } catch (e) { /* ignore a malformed line */ }
      });
    };
    socket.onclose = function () {
      $('auction-live').className = 'live off';
      $('auction-live').textContent = '重新连接中… reconnecting';
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }
  function randomID() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function post(path, body) {
    return fetch(api + path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) })
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); });
  }
  var bidForm = $('auction-bid');
  if (bidForm) {
    bidForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var result = $('auction-bid-result'), amount = fen(bidForm.elements.amount.value);
      if (amount === null) { result.className = 'form-result'; result.textContent = '请输入金额（元，最多两位小数）'; return; }
      if (pendingID === null || pendingAmount !== amount) { pendingID = randomID(); pendingAmount = amount; }
      post('/bids', { clientBidId: pendingID, amountFen: amount }).then(function (answer) {
        pendingID = null;
        result.className = answer.ok ? 'form-result ok' : 'form-result';
        result.textContent = answer.ok ? '出价成功：' + yuan(answer.json.amountFen) + ' 元，序号 ' + answer.json.bidSequence + '，服务器收到时间 ' + beijing(answer.json.receivedAt)
          : (answer.json.zh || '出价未被接受') + ' / ' + (answer.json.en || '');
        if (answer.ok) { bidForm.elements.amount.value = ''; }
      }, function () {
        result.className = 'form-result';
        result.textContent = '网络异常，请再次提交（同一出价不会重复计入）';
      });
    });
  }
  var passForm = $('auction-pass');
  if (passForm) {
    passForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/pass').then(function (answer) {
        var result = passForm.querySelector('.form-result');
        result.textContent = answer.ok ? '已保持本轮报价。' : (answer.json.zh || '未成功') + ' / ' + (answer.json.en || '');
      });
    });
  }
  var continueForm = $('auction-continue');
  if (continueForm) {
    continueForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/continue').then(function (answer) {
        var result = continueForm.querySelector('.form-result');
        result.textContent = answer.ok ? '已表示继续竞价；挂牌期满两人以上继续时进入现场竞价。' : (answer.json.zh || '未成功') + ' / ' + (answer.json.en || '');
      });
    });
  }
  var registerForm = $('auction-register');
  if (registerForm) {
    registerForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/registrations').then(function (answer) {
        var result = registerForm.querySelector('.form-result');
        result.textContent = answer.ok ? '已登记，竞买号 ' + answer.json.number + '；保证金确认后可出价。' : (answer.json.zh || '登记未成功');
      });
    });
  }
  view.bids.forEach(function (line) { addBid(line, false); });
  if (view.outcome) {
    status = 'closed';
    var done = $('auction-outcome');
    done.hidden = false;
    done.textContent = view.outcome === 'sold' ? '已成交。成交确认书和完整竞价记录已公布。' : view.phase === 'withdrawn' ? '已撤回。' : '流拍。';
    if (bidForm) { bidForm.hidden = true; }
  }
  render();
  tick();
  setInterval(tick, 250);
  connect();
}());
