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
TRAINING_KINDS = vocab(
    "training_kind",
    ("音频", "audio", "只有声音的讲座、广播（必须有文字稿 transcript）"),
    ("视频", "video", "有画面的培训视频（必须有封面图 poster；有人讲话的本站视频还须有字幕 captions）"),
)
TRAINING_TOPICS = vocab(
    "training_topic",
    ("项目书撰写", "xiangmushu", "公益创投、政府购买服务的项目申报书"),
    ("社会工作师考试", "shegong-kaoshi", "社会工作者职业资格考试辅导"),
    ("财务与年检", "caiwu-nianjian", "财务管理、年度检查（年报）、审计"),
    ("等级评估", "dengji-pinggu", "社会组织等级评估的准备"),
    ("组织管理", "zuzhi-guanli", "章程、理事会、志愿者管理等内部治理"),
    ("党建引领", "dangjian-yinling", "社会组织党建工作"),
    ("法律维权", "falv-weiquan", "妇女儿童权益保障、反家庭暴力、法律援助"),
    ("心理疏导", "xinli-shudao", "心理健康、情绪疏导、危机干预"),
    ("家庭教育", "jiating-jiaoyu", "家长学校、亲子沟通"),
    ("创业就业", "chuangye-jiuye", "技能培训、女性创业"),
    ("其他", "qita", "以上都不是"),
)

EVENT_CATEGORIES = vocab(
    "event_category",
    ("讲座", "jiangzuo", "讲座、宣讲、政策解读"),
    ("培训", "peixun", "技能培训、骨干培训、考前辅导"),
    ("志愿服务", "zhiyuan-fuwu", "巾帼志愿者上门、入户、社区服务"),
    ("亲子活动", "qinzi-huodong", "亲子阅读、亲子手工、家庭教育实践"),
    ("文体活动", "wenti-huodong", "文艺演出、广场舞、健步走、读书会"),
    ("咨询服务", "zixun-fuwu", "法律、心理、婚姻家庭咨询与义诊"),
    ("招聘/创业", "zhaopin-chuangye", "招聘会、创业沙龙、项目路演"),
    ("交流议事", "jiaoliu-yishi", "沙龙、座谈、议事协商、经验交流"),
    ("其他", "qita", "以上都不是"),
)
AUDIENCES = vocab(
    "audience",
    ("妇女", "funv", ""),
    ("儿童", "ertong", "含青少年"),
    ("家庭", "jiating", "亲子、夫妻一同参加"),
    ("老年人", "laonianren", ""),
    ("残障人士", "canzhang-renshi", ""),
    ("困难群体", "kunnan-qunti", "低保、单亲、失业等困难家庭"),
    ("社会组织", "shehui-zuzhi", "社会组织负责人和骨干"),
    ("公众", "gongzhong", "面向所有人"),
)
EVENT_STATUSES = vocab(
    "event_status",
    ("如期", "scheduled", "按计划举行（默认）"),
    ("延期", "postponed", "推迟举行；在 postponed_to 写新的时间，新时间未定可不写"),
    ("取消", "cancelled", "不再举行；在 status_reason 写明原因"),
)
REPEATS = vocab(
    "repeat",
    ("每周", "weekly", "每周同一天（interval: 2 表示隔周）"),
    ("每月", "monthly", "每月同一日期，如每月 15 日"),
    ("每月第几个星期几", "monthly-weekday", "如每月第一个周六，按开始日期推算"),
)
