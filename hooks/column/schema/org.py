"""Schema of an organization record, ``orgs/<id>.yml``."""
from __future__ import annotations

from . import fields as f
from . import vocab as v

_registration = f.obj("登记/备案", "在民政部门登记，或在街道/社区备案", {
    "status": f.choice("登记状态", "登记 或 备案", v.REGISTRATION),
    "uscc": {**f.text("统一社会信用代码", "18 位，登记证书上的代码；最后一位是校验码", example="52370303MJD123456T"),
             "pattern": r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", "format": "uscc",
             "x-expect": "18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）"},
    "authority": f.text("登记管理机关", "如“张店区民政局”"),
    "filed_with": f.text("备案单位", "备案的街道办事处或社区居委会"),
    "date": f.date("登记/备案日期", "证书或备案回执上的日期"),
}, required=["status"], allOf=[
    {"if": {"properties": {"status": {"const": "登记"}}},
     "then": {"required": ["uscc", "authority"]}},
    {"if": {"properties": {"status": {"const": "备案"}}},
     "then": {"required": ["filed_with"]}},
])

_rating = f.obj("等级评估", "民政部门的社会组织等级评估结果，有效期五年", {
    "grade": f.choice("评估等级", "1A–5A", v.GRADES),
    "year": f.year("评定年份", "获得该等级的年份；评定年份起五年内有效"),
}, required=["grade", "year"])

_inspection = f.obj("年检", "最近一次年检（年度报告）结果", {
    "year": f.year("年检年度", "年检所属的年度"),
    "result": f.choice("年检结果", "合格 / 基本合格 / 不合格", v.INSPECTION),
}, required=["year", "result"])

_honour = f.obj("荣誉", "一项荣誉称号", {
    "title": f.text("荣誉名称", "如“全国三八红旗集体”"),
    "year": f.year("获得年份", "授予荣誉的年份"),
    "by": f.text("授予单位", "如“全国妇联”"),
}, required=["title", "year"])

_leader = f.obj("带头人", "组织负责人；姓名和照片只在 consent 为 true 时发布", {
    "name": f.text("姓名", "带头人姓名"),
    "consent": f.flag("同意公开", "本人书面同意公开姓名和照片时写 true（个人信息保护法）"),
    "role": f.text("职务", "如“理事长”“主任”"),
    "bio": f.markdown("简介", "带头人的经历和事迹", max_length=3000),
    "honours": f.array("个人荣誉", "带头人获得的荣誉", _honour),
    "photo": f.image("照片", "带头人照片（需本人同意）"),
}, required=["role", "consent"])

_contact = f.obj("联系方式", "面向公众的联系方式（样例数据请使用虚构号码）", {
    "phone": f.phone("电话", "对外联系电话"),
    "phone_public": f.flag("公开电话", "电话是个人手机、本人不愿公开时写 false：号码留在档案中供工作人员联系，网站不显示"),
    "email": f.email("电子邮箱", "对外联系邮箱"),
    "website": f.url("网站", "组织网站"),
    "wechat": f.text("微信公众号", "公众号名称"),
    "address": f.text("地址", "办公或服务地址，用于地图链接"),
})

_project = f.obj("项目", "一个服务项目", {
    "name": f.text("项目名称", "如“和美家庭”婚姻家庭辅导项目"),
    "kind": f.choice("项目类型", "品牌项目 / 公益创投 / 政府购买服务 / 自主项目", v.PROJECT_KINDS),
    "funder": f.text("资助方", "如“区民政局公益创投”"),
    "year": f.year("年份", "项目开始或获得资助的年份"),
    "funding": f.money("资金（元）", "项目资金，单位为元"),
    "served": f.count("服务人次", "项目累计服务人次"),
    "description": f.markdown("项目简介", "项目做什么、为谁服务", max_length=5000),
    "brand": f.flag("品牌项目", "作为品牌项目展示时写 true"),
}, required=["name", "kind", "year"])

SCHEMA = f.record("org", "女性社会组织", "一个女性社会组织的档案：文件名（不含 .yml）就是它的网址编号", {
    "name": f.text("名称", "登记证书或备案回执上的全称", max_length=80),
    "short_name": f.text("简称", "读者常用的简称，用于卡片和搜索", max_length=30),
    "type": f.choice("组织类型", "社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他", v.ORG_TYPES),
    "registration": _registration,
    "supervisor": f.text("业务主管单位", "如“张店区妇联”"),
    "founded": f.date("成立日期", "组织成立的日期"),
    "rating": _rating,
    "inspection": _inspection,
    "tier": f.choice("联系层级", "在妇联组织网络中的层级：核心层 / 紧密层 / 大众层", v.TIERS),
    "incubator": f.text("入驻孵化基地", "所在的孵化基地或孵化中心名称"),
    "member_of": f.text("团体会员单位", "作为团体会员加入的妇联，如“张店区妇联”"),
    "areas": f.choices("服务领域", "从固定列表中选择一项或多项；第一项是主要服务领域（统计服务人次时按它归类）", v.AREAS),
    "streets": f.array("服务街道/社区", "开展服务的街道或社区", f.text("街道/社区", "如“马尚街道”"), unique=True),
    "description": f.markdown("组织简介", "组织做什么、为谁服务（可用 Markdown）"),
    "leader": _leader,
    "contact": _contact,
    "logo": f.image("标志", "组织标志图片"),
    "photos": f.array("照片", "活动照片，每张都要写替代文字", f.image("照片", "一张照片")),
    "projects": f.array("服务项目", "品牌项目、公益创投、政府购买服务等", _project),
    "honours": f.array("组织荣誉", "组织获得的荣誉", _honour),
    "featured": f.flag("重点展示", "在风采展示和首页重点展示时写 true"),
    "verified": f.date("核实日期", "工作人员最近一次核实本档案的日期；超过一年未核实会提醒"),
}, required=["name", "type", "registration", "areas", "description", "verified"])
