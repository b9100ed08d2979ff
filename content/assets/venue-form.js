/* 女性社会组织专栏: the venue request form (venues/<id>/) and the poster's print button.
   Does nothing on other pages. Without this script the form still works: it posts to the
   endpoint, or opens a mail. Nothing typed is kept: no storage, no cookies; the form is
   cleared when the page is left. */
(function () {
  "use strict";

  var WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
  var PHONE = /^(1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8})$/;
  var LABELS = [["venue_name", "场地"], ["applicant", "申请人"], ["org", "申请单位"], ["phone", "联系电话"],
    ["date", "使用日期"], ["time", "使用时间"], ["people", "参加人数"], ["purpose", "活动内容"],
    ["equipment", "需要的设备"], ["agree", "已阅读并同意使用须知"], ["url", "场地页面"]];

  /* ---- dates and times, as text: "2026-12-01", "14:30" ---- */

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function isoDate(d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }

  function todayInChina() {
    /* The reader's clock, as a date in Beijing time (venues are in China). */
    var now = new Date();
    return isoDate(new Date(now.getTime() + 8 * 3600 * 1000));
  }

  function addDays(iso, days) {
    var p = iso.split("-");
    return isoDate(new Date(Date.UTC(+p[0], +p[1] - 1, +p[2] + days)));
  }

  function weekday(iso) {
    var p = iso.split("-");
    return (new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])).getUTCDay() + 6) % 7;
  }

  function normalDate(text) {
    var m = /^\s*(\d{4})[-\/.年](\d{1,2})[-\/.月](\d{1,2})日?\s*$/.exec(text);
    if (!m) return null;
    var iso = m[1] + "-" + pad(+m[2]) + "-" + pad(+m[3]);
    return addDays(iso, 0) === iso ? iso : null;
  }

  function normalTime(text) {
    var m = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(text);
    return m && +m[1] < 24 && +m[2] < 60 ? pad(+m[1]) + ":" + m[2] : null;
  }

  function chineseDate(iso) {
    var p = iso.split("-");
    return +p[0] + " 年 " + +p[1] + " 月 " + +p[2] + " 日（" + WEEKDAYS[weekday(iso)] + "）";
  }

  function hoursOn(venue, day) {
    return venue.hours.filter(function (h) { return h.days.indexOf(day) >= 0; });
  }

  function hoursText(periods) {
    return periods.map(function (h) { return h.open + "–" + h.close; }).join("、");
  }

  /* ---- checks: each returns a message, or "" ---- */

  function checkDate(venue, v) {
    if (!v.dateRaw) return "请选择使用日期";
    if (!v.date) return "请按“年-月-日”填写日期，如 2026-12-01";
    var earliest = addDays(todayInChina(), venue.leadDays);
    if (v.date < earliest) {
      return "本场地需至少提前 " + venue.leadDays + " 天申请：请选择 " + chineseDate(earliest) + "或以后的日期";
    }
    if (!hoursOn(venue, weekday(v.date)).length) {
      return "本场地" + WEEKDAYS[weekday(v.date)] + "不开放，请换一天";
    }
    return "";
  }

  function checkStart(venue, v) {
    if (!v.startRaw) return "请填写开始时间";
    if (!v.start) return "请按“时:分”填写，如 14:00";
    if (!v.date || !v.end || v.end <= v.start || checkDate(venue, v)) return "";
    var periods = hoursOn(venue, weekday(v.date));
    var inside = periods.some(function (h) { return h.open <= v.start && v.end <= h.close; });
    return inside ? "" : "所选时间不在开放时间内：" + WEEKDAYS[weekday(v.date)] + "开放 " + hoursText(periods);
  }

  function checkEnd(venue, v) {
    if (!v.endRaw) return "请填写结束时间";
    if (!v.end) return "请按“时:分”填写，如 16:00";
    return v.start && v.end <= v.start ? "结束时间应晚于开始时间" : "";
  }

  function checkPeople(venue, v) {
    if (!v.people) return "请填写参加人数";
    if (!/^\d+$/.test(v.people) || +v.people < 1) return "参加人数应为 1 到 " + venue.capacity + " 之间的整数";
    return +v.people > venue.capacity ? "本场地最多容纳 " + venue.capacity + " 人，请减少人数或选择更大的场地" : "";
  }

  function checkPhone(venue, v) {
    if (!v.phone) return "请填写联系电话";
    return PHONE.test(v.phone) ? "" : "电话号码格式不对：请填写 11 位手机号，或带区号的座机号（如 0533-1234567）";
  }

  var CHECKS = {
    applicant: function (venue, v) { return v.applicant ? "" : "请填写申请人姓名"; },
    org: function (venue, v) { return v.org ? "" : "请填写申请单位（可从列表中选择，也可以直接输入）"; },
    phone: checkPhone,
    date: checkDate,
    start: checkStart,
    end: checkEnd,
    people: checkPeople,
    purpose: function (venue, v) { return v.purpose ? "" : "请简单写明活动内容"; },
    agree: function (venue, v) { return v.agree ? "" : "请先阅读并勾选同意使用须知"; }
  };

  /* ---- the form ---- */

  function init(form) {
    var venue = JSON.parse(document.getElementById("venue-data").textContent);
    var el = function (sel) { return form.querySelector(sel); };
    var button = el('button[type="submit"]');
    var buttonText = button.textContent;
    var status = el(".col-request__status");
    var summaryBox = el(".col-request__summary");
    var summary = el("#f-summary");
    var mailLink = el('[data-action="mailto"]');
    var overlap = el("#f-overlap");
    var wechat = /MicroMessenger/i.test(navigator.userAgent);
    var sending = false;
    var proof = { state: "", payload: "", waiting: false };

    form.noValidate = true;
    el("#f-date").min = addDays(todayInChina(), venue.leadDays);
    if (wechat && venue.mode !== "post") el(".col-request__wechat").hidden = false;

    function value(name) {
      var input = form.elements[name];
      return input.type === "checkbox" ? (input.checked ? input.value : "") : input.value;
    }

    function values() {
      var v = {};
      Object.keys(CHECKS).concat(["equipment", "venue_name"]).forEach(function (name) {
        v[name] = value(name).trim();
      });
      v.dateRaw = v.date; v.date = normalDate(v.date);
      v.startRaw = v.start; v.start = normalTime(v.start);
      v.endRaw = v.end; v.end = normalTime(v.end);
      v.phone = v.phone.replace(/\s+/g, "");
      return v;
    }

    function show(name, message) {
      var input = form.elements[name];
      var error = el("#f-" + name + "-error");
      error.textContent = message;
      error.hidden = !message;
      if (!input || !input.setAttribute) return;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }

    function validate() {
      var v = values();
      var wrong = [];
      Object.keys(CHECKS).forEach(function (name) {
        var message = CHECKS[name](venue, v);
        show(name, message);
        if (message) wrong.push(name);
      });
      return wrong;
    }

    function clashes(v) {
      if (!v.date || !v.start || !v.end || v.end <= v.start) return [];
      return venue.busy.filter(function (b) { return b.date === v.date && b.start < v.end && v.start < b.end; });
    }

    function warnOverlap() {
      var found = clashes(values());
      overlap.hidden = !found.length;
      overlap.textContent = found.length ? "提醒：所选时段与已知安排重叠——" + found.map(function (b) {
        return b.title + "（" + b.start + "–" + b.end + "）";
      }).join("；") + "。仍可提交，场地管理人会和您协调。" : "";
    }

    function say(text, kind) {
      status.hidden = !text;
      status.className = "col-request__status" + (kind ? " col-request__status--" + kind : "");
      status.textContent = text;
    }

    function summaryText(v) {
      var facts = {
        venue_name: v.venue_name, applicant: v.applicant, org: v.org, phone: v.phone,
        date: chineseDate(v.date), time: v.start + "–" + v.end, people: v.people + " 人", purpose: v.purpose,
        equipment: v.equipment || "无", agree: "是", url: window.location.href.split("#")[0]
      };
      return ["【场地使用申请】"].concat(LABELS.map(function (pair) {
        return pair[1] + "：" + facts[pair[0]];
      })).join("\n");
    }

    function mailto(v, text) {
      var subject = "场地申请：" + venue.name + " " + v.date + " " + v.start + "–" + v.end;
      return "mailto:" + venue.email + "?subject=" + encodeURIComponent(subject) +
        "&body=" + encodeURIComponent(text.replace(/\n/g, "\r\n"));
    }

    function body() {
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (input) {
        if (!input.name || input.disabled || (input.type === "checkbox" && !input.checked)) return;
        params.append(input.name, input.value);
      });
      if (proof.payload) params.set("altcha", proof.payload);
      return params;
    }

    function sent(answer) {
      var kept = summary.value;
      form.reset();
      summary.value = kept;
      warnOverlap();
      button.textContent = buttonText;
      if (answer && answer.reference) {
        received(answer);
        return;
      }
      say("申请已提交。场地管理人收到后会打电话和您确认；几天内没有接到电话，请打 " + venue.phone + "。", "ok");
    }

    function received(answer) {
      /* The desk's answer: the reference and the status link she can keep. */
      say("", "ok");
      status.hidden = false;
      var lead = document.createElement("p");
      lead.appendChild(document.createTextNode("申请已提交，编号 "));
      var reference = document.createElement("strong");
      reference.className = "col-request__reference";
      reference.textContent = answer.reference;
      lead.appendChild(reference);
      lead.appendChild(document.createTextNode("。审核结果会显示在申请状态页上，请保存这个链接（收藏或截图）："));
      var link = document.createElement("a");
      link.className = "col-request__status-link";
      link.href = answer.status_url;
      link.textContent = answer.status_url;
      var after = document.createElement("p");
      after.appendChild(link);
      status.appendChild(lead);
      status.appendChild(after);
      newKey();
    }

    function refused(response) {
      /* A refusal from the desk: one Chinese message per field, or one for the whole request. */
      return response.json().then(function (answer) {
        var errors = answer.errors || {};
        Object.keys(errors).forEach(function (name) {
          if (el("#f-" + name + "-error")) show(name, errors[name]);
        });
        throw new Error(answer.message || ("接收地址回复 " + response.status));
      }, function () { throw new Error("接收地址回复 " + response.status); });
    }

    function send() {
      sending = true;
      button.disabled = true;
      button.textContent = "正在提交…";
      say("正在提交，请稍候……", "busy");
      fetch(venue.endpoint, { method: "POST", body: body(), mode: "cors", credentials: "omit", cache: "no-store",
        headers: venue.desk ? { "Accept": "application/json" } : {} })
        .then(function (response) {
          if (response.ok) return venue.desk ? response.json().then(sent, function () { sent(null); }) : sent(null);
          if (venue.desk && response.status >= 400 && response.status < 500) return refused(response);
          throw new Error("接收地址回复 " + response.status);
        })
        .catch(function (error) {
          button.textContent = "重新提交";
          resetProof();
          say("提交没有成功（" + (error && error.message ? error.message : "网络问题") + "）。您填写的内容还在：可以点“重新提交”再试，" +
            "或复制下面的申请摘要发给场地管理人，也可以直接打电话 " + venue.phone + "。", "error");
        })
        .then(function () {
          sending = false;
          button.disabled = false;
        });
    }

    function offerMail(v, text) {
      var href = mailto(v, text);
      mailLink.href = href;
      mailLink.hidden = false;
      if (wechat) {
        say("微信里邮件链接常常打不开：请点“复制申请摘要”，通过微信或短信发给场地管理人，或直接打电话 " + venue.phone + "。", "info");
        return;
      }
      say("已生成申请邮件。如果邮件程序没有打开，请点“用邮件发送”，或复制申请摘要发到 " + venue.email + "，也可以直接打电话 " + venue.phone + "。", "info");
      window.location.href = href;
    }

    function copy() {
      var done = function () { say("申请摘要已复制，可以粘贴到微信或短信里。", "ok"); };
      var manual = function () {
        summary.focus();
        summary.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        if (ok) done(); else say("请长按上面的申请摘要，选择“全选”后复制。", "info");
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(summary.value).then(done, manual);
      else manual();
    }

    function clear() {
      form.reset();
      summary.value = "";
      summaryBox.hidden = true;
      mailLink.hidden = true;
      mailLink.removeAttribute("href");
      say("", "");
      Object.keys(CHECKS).forEach(function (name) { show(name, ""); });
      overlap.hidden = true;
    }

    /* ---- the column's own desk (受理台): proof of work, one key per request, live slots ---- */

    function newKey() {
      var key = form.elements.idempotency_key;
      if (key) key.value = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
    }

    function startProof() {
      /* The ALTCHA widget, served by the desk itself: a small proof of work instead of a third-party captcha. */
      var script = document.createElement("script");
      script.type = "module";
      script.src = venue.desk + "/static/altcha/main/altcha.i18n.min.js";
      document.head.appendChild(script);
      var widget = document.createElement("altcha-widget");
      widget.setAttribute("challenge", venue.desk + "/altcha/challenge");
      widget.setAttribute("language", "zh-cn");
      widget.setAttribute("auto", "onload");
      widget.setAttribute("hidefooter", "");
      widget.addEventListener("statechange", function (event) {
        proof.state = event.detail.state;
        proof.payload = event.detail.state === "verified" ? event.detail.payload : "";
        if (proof.payload) show("altcha", "");
        if (proof.payload && proof.waiting) {
          proof.waiting = false;
          if (form.requestSubmit) form.requestSubmit(button); else button.click();
        }
      });
      var box = el(".col-request__proof");
      box.insertBefore(widget, box.firstChild);
    }

    function resetProof() {
      var widget = el("altcha-widget");
      proof.payload = "";
      if (widget && typeof widget.reset === "function") {
        widget.reset();
        if (typeof widget.verify === "function") widget.verify();
      }
    }

    function liveSlots() {
      /* Approved and pending requests from the desk, beside the bookings known from events. Without the
         desk the page stays as it is: the list from events, and the venue's phone number. */
      fetch(venue.desk + "/venues/" + encodeURIComponent(venue.id) + "/slots.json", { credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : { slots: [] }; })
        .then(function (data) {
          var list = el("#f-live ul");
          (data.slots || []).forEach(function (slot) {
            var label = slot.status === "approved" ? "已同意的申请" : "待审核的申请";
            venue.busy.push({ date: slot.date, start: slot.start, end: slot.end, title: label });
            var item = document.createElement("li");
            item.textContent = chineseDate(slot.date) + " " + slot.start + "–" + slot.end + " " + label;
            list.appendChild(item);
          });
          el("#f-live").hidden = !list.children.length;
          warnOverlap();
        })
        .catch(function () { /* the desk cannot be reached: keep what the page shows */ });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) return;
      var wrong = validate();
      warnOverlap();
      if (wrong.length) {
        say("有 " + wrong.length + " 处需要修改，请看标红的提示。", "error");
        form.elements[wrong[0]].focus();
        return;
      }
      if (proof.state === "verifying") {
        proof.waiting = true;  /* sent by itself once the proof is done: she does not have to tap again */
        say("正在进行人机验证（几秒钟），完成后会自动提交，请稍候。", "info");
        return;
      }
      var v = values();
      summary.value = summaryText(v);
      summaryBox.hidden = false;
      if (venue.mode === "post" && window.fetch && window.URLSearchParams) send();
      else if (venue.mode === "post") form.submit();
      else if (venue.mode === "mail") offerMail(v, summary.value);
      else say("请复制下面的申请摘要发给场地管理人，或直接打电话 " + venue.phone + "。", "info");
    });

    ["date", "start", "end"].forEach(function (name) {
      form.elements[name].addEventListener("change", warnOverlap);
    });
    Object.keys(CHECKS).forEach(function (name) {
      form.elements[name].addEventListener("input", function () { show(name, ""); });
    });
    el('[data-action="copy"]').addEventListener("click", copy);
    if (venue.desk) {
      newKey();
      startProof();
      liveSlots();
    }
    window.addEventListener("pagehide", clear);
    window.addEventListener("pageshow", function (event) { if (event.persisted) clear(); });
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var form = document.getElementById("request-form");
    if (form && document.getElementById("venue-data")) init(form);
    document.querySelectorAll("[data-col-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
