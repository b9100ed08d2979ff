"""Fixed vocabularies: every allowed value, its ASCII slug (for URLs) and its meaning."""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Term:
    """One allowed value of a vocabulary."""

    value: str
    """What staff write in the YAML and what readers see."""
    slug: str
    """ASCII form used in URLs (filter pages are shared in WeChat)."""
    doc: str = ""
    """One line for staff: when to choose this value."""


@dataclasses.dataclass(frozen=True)
class Vocab:
    """A closed list of terms."""

    name: str
    terms: tuple[Term, ...]

    @property
    def values(self) -> list[str]:
        return [t.value for t in self.terms]

    def slug(self, value: str) -> str:
        return next(t.slug for t in self.terms if t.value == value)

    def term(self, value: str) -> Term:
        return next(t for t in self.terms if t.value == value)


def vocab(name: str, *terms: tuple[str, str, str] | tuple[str, str]) -> Vocab:
    return Vocab(name, tuple(Term(*t) for t in terms))


ORG_TYPES = vocab(
    "org_type",
    ("社会团体", "shehui-tuanti", "协会、联合会、促进会等会员制组织"),
    ("社会服务机构", "shehui-fuwu-jigou", "原“民办非企业单位”，如服务中心、社工机构"),
    ("基金会", "jijinhui", "以捐赠财产从事公益事业的组织"),
    ("社区社会组织", "shequ-zuzhi", "在街道、社区开展活动的组织，多为备案"),
    ("其他", "qita", "以上都不是"),
)
REGISTRATION = vocab(
    "registration",
    ("登记", "dengji", "在民政部门登记，有统一社会信用代码"),
    ("备案", "beian", "在街道或社区备案，没有统一社会信用代码"),
)
GRADES = vocab(
    "grade",
    *((f"{n}A", f"{n}a", f"社会组织等级评估 {n}A 级") for n in range(5, 0, -1)),
)
INSPECTION = vocab(
    "inspection",
    ("合格", "hege", ""),
    ("基本合格", "jiben-hege", ""),
    ("不合格", "buhege", ""),
)
TIERS = vocab(
    "tier",
    ("核心层", "hexin", "妇联直接联系、重点培育的组织"),
    ("紧密层", "jinmi", "经常参与妇联工作的组织"),
    ("大众层", "dazhong", "联系较松散的组织"),
)
AREAS = vocab(
    "area",
    ("婚姻家庭", "hunyin-jiating", "婚姻辅导、家庭关系调解"),
    ("心理健康", "xinli-jiankang", "心理疏导、心理咨询"),
    ("法律维权", "falv-weiquan", "妇女儿童权益保障、法律援助"),
    ("家庭教育", "jiating-jiaoyu", "家长学校、亲子教育"),
    ("创业就业", "chuangye-jiuye", "技能培训、就业帮扶、女性创业"),
    ("巾帼家政", "jinguo-jiazheng", "家政服务、月嫂育婴培训"),
    ("巾帼志愿", "jinguo-zhiyuan", "志愿服务队伍"),
    ("文体活动", "wenti-huodong", "文艺、体育、读书会"),
    ("社区治理", "shequ-zhili", "议事协商、邻里互助、平安建设"),
    ("为老", "weilao", "为老年人服务"),
    ("为小", "weixiao", "为儿童、青少年服务"),
    ("为残", "weican", "为残障人士服务"),
    ("为特", "weite", "为特殊困难家庭服务"),
    ("为困", "weikun", "为困难群体服务"),
)
PROJECT_KINDS = vocab(
    "project_kind",
    ("品牌项目", "pinpai", "长期运作、有影响力的服务项目"),
    ("公益创投", "gongyi-chuangtou", "通过公益创投获得资助的项目"),
    ("政府购买服务", "zhengfu-goumai", "政府向社会组织购买的服务"),
    ("自主项目", "zizhu", "组织自筹资金开展的项目"),
)

VENUE_KINDS = vocab(
    "venue_kind",
    ("妇女之家", "funv-zhijia", "村（社区）妇女之家"),
    ("妇儿家园", "fuer-jiayuan", "妇女儿童活动阵地"),
    ("孵化基地", "fuhua-jidi", "女性社会组织孵化基地（中心）的活动室"),
    ("服务中心", "fuwu-zhongxin", "妇女儿童服务中心、党群服务中心等的功能室"),
    ("其他", "qita", "以上都不是"),
)
FACILITIES = vocab(
    "facility",
    ("投影", "touying", ""), ("音响", "yinxiang", ""), ("话筒", "huatong", ""), ("白板", "baiban", ""),
    ("无线网络", "wifi", ""), ("厨房", "chufang", ""), ("儿童角", "ertong-jiao", ""), ("母婴室", "muying-shi", ""),
    ("桌椅可移动", "zhuoyi", ""), ("停车位", "tingche", ""), ("空调", "kongtiao", ""),
)
WEEKDAYS = vocab(
    "weekday",
    ("周一", "mon", ""), ("周二", "tue", ""), ("周三", "wed", ""), ("周四", "thu", ""),
    ("周五", "fri", ""), ("周六", "sat", ""), ("周日", "sun", ""),
)
