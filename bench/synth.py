"""Synthetic records at district or city scale, for the benchmark and the search measurement.

The sample records are kept (stories refer to them) and generated ones are added
until the target counts are reached. Output is deterministic for a given seed.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml
from stdnum.cn import uscc

from column.schema import vocab

STREETS = ["马尚街道", "湖田街道", "科苑街道", "车站街道", "和平街道", "体育场街道", "公园街道", "傅家镇", "沣水镇", "中埠镇",
           "南定镇", "四宝山街道", "东城社区", "西城社区", "柳荫社区", "世纪花苑社区", "幸福社区", "金茂社区"]
WORDS = ["巾帼", "春晖", "向阳", "暖心", "同心", "和美", "安康", "启明", "繁星", "朝霞", "彩虹", "晨曦", "馨悦", "慧心",
         "乐龄", "护苗", "筑梦", "花开", "知音", "玫瑰"]
SUFFIX = {"社会团体": "协会", "社会服务机构": "服务中心", "基金会": "公益基金会", "社区社会组织": "互助会", "其他": "工作站"}
TOPICS = ["家庭教育讲座", "心理健康沙龙", "法律维权咨询", "亲子阅读会", "手工编织课", "广场舞培训", "创业技能培训",
          "老年人防诈骗宣讲", "儿童安全教育", "婚姻家庭辅导", "巾帼志愿服务", "母婴护理培训", "读书分享会", "社区议事会"]


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _code(rng: random.Random, prefix: str) -> str:
    body = prefix + "370399" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def org(rng: random.Random, n: int) -> dict:
    kind = rng.choice(vocab.ORG_TYPES.values)
    streets = rng.sample(STREETS, rng.randint(1, 3))
    name = f"滨河区{streets[0][:2]}{rng.choice(WORDS)}{rng.choice(WORDS)}{SUFFIX[kind]}{n}"
    filed = kind == "社区社会组织"
    record = {
        "name": name, "short_name": name[3:13], "type": kind,
        "registration": ({"status": "备案", "filed_with": f"{streets[0]}办事处"} if filed else
                         {"status": "登记", "uscc": _code(rng, "51"), "authority": "滨河区民政局"}),
        "areas": rng.sample(vocab.AREAS.values, rng.randint(1, 4)), "streets": streets,
        "tier": rng.choice(vocab.TIERS.values),
        "description": f"{name}扎根{streets[0]}，服务妇女儿童和家庭。\n\n- 开展{rng.choice(TOPICS)}\n- 开展{rng.choice(TOPICS)}\n",
        "contact": {"phone": f"0000-{n:07d}", "email": f"org{n}@example.org", "address": f"滨河区{streets[0]}{n}号（虚构）"},
        "projects": [{"name": f"“{rng.choice(WORDS)}”{rng.choice(TOPICS)}项目", "kind": rng.choice(vocab.PROJECT_KINDS.values),
                      "year": rng.randint(2019, 2026), "funding": rng.choice([20000, 50000, 80000]),
                      "served": rng.randint(100, 3000), "brand": rng.random() < 0.2} for _ in range(rng.randint(1, 3))],
        "verified": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
    }
    if rng.random() < 0.5:
        record["rating"] = {"grade": rng.choice(vocab.GRADES.values), "year": rng.randint(2022, 2026)}
    return record


def venue(rng: random.Random, n: int) -> dict:
    street = rng.choice(STREETS)
    return {"name": f"{street}妇女之家 {n} 号活动室", "kind": rng.choice(vocab.VENUE_KINDS.values),
            "address": f"滨河区{street}活动中心{n}号（虚构）", "street": street, "capacity": rng.choice([30, 60, 120]),
            "hours": [{"days": vocab.WEEKDAYS.values, "open": "08:00", "close": "21:00"}],
            "rules": "活动须为公益性质。", "lead_days": 3, "phone": f"0000-9{n:06d}"}


SLOTS = (("09:00", "11:00"), ("14:00", "16:00"), ("19:00", "20:30"))


def event(rng: random.Random, n: int, org_ids: list[str], slot: tuple[str, dt.date, int] | None) -> dict:
    topic = rng.choice(TOPICS)
    record: dict = {"title": f"{topic}（第 {n} 期）", "category": rng.choice(vocab.EVENT_CATEGORIES.values),
                    "description": f"本期{topic}面向社区居民，欢迎报名参加。\n\n请提前十分钟到场。",
                    "organizers": rng.sample(org_ids, rng.randint(1, 2)),
                    "audience": rng.sample(vocab.AUDIENCES.values, rng.randint(1, 2))}
    if slot:
        venue_id, day, index = slot
        start, end = SLOTS[index]
        record.update(start=f"{day} {start}", end=f"{day} {end}", venue=venue_id, capacity=20)
    else:
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(540))
        record.update(start=f"{day} 15:00", end=f"{day} 16:30", address=f"滨河区{rng.choice(STREETS)}文化广场（虚构）",
                      repeat={"every": vocab.REPEATS.values[0], "count": rng.randint(3, 8)})
    if rng.random() < 0.1:
        record["updates"] = [{"time": f"{record['start'][:10]} 08:00", "title": "活动提醒", "text": "活动如期举行，请准时到场。"}]
    return record


def populate(project: Path, orgs: int, events: int, seed: int = 20261122) -> None:
    """Add generated records to ``project`` until it holds ``orgs`` organizations and ``events`` events."""
    rng = random.Random(seed)
    org_ids = sorted(p.stem for p in (project / "orgs").glob("*.yml"))
    for n in range(len(org_ids), orgs):
        _dump(project / "orgs" / f"synth-org-{n}.yml", org(rng, n))
        org_ids.append(f"synth-org-{n}")
    venue_ids = []
    for n in range(max(5, orgs // 10)):
        _dump(project / "venues" / f"synth-venue-{n}.yml", venue(rng, n))
        venue_ids.append(f"synth-venue-{n}")
    first = dt.date(2026, 1, 1)
    slots = [(v, first + dt.timedelta(days=d), i) for v in venue_ids for d in range(540) for i in range(3)]
    existing = len(list((project / "events").glob("*.yml")))
    chosen = rng.sample(slots, events)
    for n in range(existing, events):
        slot = chosen[n] if rng.random() < 0.9 else None
        _dump(project / "events" / f"synth-event-{n}.yml", event(rng, n, org_ids, slot))
