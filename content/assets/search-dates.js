/* 女性社会组织专栏: date words in a search query (今天, 明天, 周末, 下周, 周三, 本月, 12月, 12月5日), as days
   counted from the reader's own clock. find() returns the query without its date word and the days it means:
   {rest, days: {from: "2026-12-05", to: "2026-12-06", label, month: "2026年12月" | null} | null}.
   Used by search-query.js. */
(function (root, make) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = make();
  else root.ColumnSearchDates = make();
})(this, function () {
  "use strict";

  var NUMBERS = { "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                  "十一": 11, "十二": 12, "日": 7, "天": 7 };
  var N = "(\\d{1,2}|十[一二]?|[一二两三四五六七八九])";
  var WEEKDAY = "(?:周|星期|礼拜)([一二三四五六日天])";

  function day(now, offset) {
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  }

  function weekday(date) { return (date.getDay() + 6) % 7; } /* Monday 0 … Sunday 6 */

  function number(text) { return /^\d+$/.test(text) ? parseInt(text, 10) : NUMBERS[text]; }

  /* The first day on or after ``now`` in ``month`` (1–12), this year or next. */
  function monthStart(now, month) {
    var year = now.getFullYear() + (month < now.getMonth() + 1 ? 1 : 0);
    return new Date(year, month - 1, 1);
  }

  /* Each rule: a pattern, the first and last day it means (Date objects), and whether it means a month. */
  var RULES = [
    [new RegExp(N + "月" + N + "[日号]"), function (now, m) {
      var start = monthStart(now, number(m[1]));
      var date = new Date(start.getFullYear(), start.getMonth(), number(m[2]));
      return [date, date];
    }],
    [new RegExp(N + "月份?"), function (now, m) {
      var month = number(m[1]);
      if (!(month >= 1 && month <= 12)) return null;
      var start = monthStart(now, month);
      var first = start.getMonth() === now.getMonth() && start.getFullYear() === now.getFullYear() ? day(now, 0) : start;
      return [first, new Date(start.getFullYear(), start.getMonth() + 1, 0)];
    }, true],
    [/下个?(?:周|星期|礼拜)末/, function (now) { var sat = day(now, 12 - weekday(now)); return [sat, day(sat, 1)]; }],
    [/(?:这个?|本)?(?:周|星期|礼拜)末/, function (now) {
      var w = weekday(now);
      return w === 6 ? [day(now, 0), day(now, 0)] : [day(now, Math.max(0, 5 - w)), day(now, 6 - w)];
    }],
    [new RegExp("下个?" + WEEKDAY), function (now, m) { var d = day(now, 7 - weekday(now) + NUMBERS[m[1]] - 1); return [d, d]; }],
    [new RegExp("(?:这个?|本)?" + WEEKDAY), function (now, m) {
      var d = day(now, (NUMBERS[m[1]] - 1 - weekday(now) + 7) % 7);
      return [d, d];
    }],
    [/下个?(?:周|星期|礼拜)/, function (now) { var mon = day(now, 7 - weekday(now)); return [mon, day(mon, 6)]; }],
    [/(?:这个?|本)(?:周|星期|礼拜)/, function (now) { return [day(now, 0), day(now, 6 - weekday(now))]; }],
    [/下个?月/, function (now) {
      return [new Date(now.getFullYear(), now.getMonth() + 1, 1), new Date(now.getFullYear(), now.getMonth() + 2, 0)];
    }, true],
    [/(?:这个?|本)月/, function (now) { return [day(now, 0), new Date(now.getFullYear(), now.getMonth() + 1, 0)]; }, true],
    [/大后天/, function (now) { return [day(now, 3), day(now, 3)]; }],
    [/后天/, function (now) { return [day(now, 2), day(now, 2)]; }],
    [/明[天日晚早]/, function (now) { return [day(now, 1), day(now, 1)]; }],
    [/今[天日晚早]|今儿/, function (now) { return [day(now, 0), day(now, 0)]; }]
  ];

  function iso(date) {
    var m = date.getMonth() + 1;
    var d = date.getDate();
    return date.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  function find(text, now) {
    for (var i = 0; i < RULES.length; i++) {
      var match = RULES[i][0].exec(text);
      var span = match && RULES[i][1](now, match);
      if (span && !isNaN(span[0]) && span[0] <= span[1]) {
        var month = RULES[i][2] ? span[1].getFullYear() + "年" + (span[1].getMonth() + 1) + "月" : null;
        return { rest: text.slice(0, match.index) + " " + text.slice(match.index + match[0].length),
                 days: { from: iso(span[0]), to: iso(span[1]), label: match[0], month: month } };
      }
    }
    return { rest: text, days: null };
  }

  return { find: find, iso: iso };
});
