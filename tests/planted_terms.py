"""A corpus of town reports with planted governance terms the lexicon does not know.

The reports are written for these tests (own wording, real town names, the layout of real
法治政府建设年度报告: title, 一、/（一） headings, 一是…二是…). Eight invented but plausible
mechanism names are planted, each in several different sentences, so that what comes before and
after them varies as it does in real reports; the background sentences are shared across
reports the way set phrases are.
"""

from __future__ import annotations

import random
from pathlib import Path

PLANTED = ["解纷驿站", "普法夜话", "执法码上评", "说法议事会", "三色研判", "法护营商直通车",
           "审前联席", "法务微课堂"]

TOWNS = [("浙江省", "绍兴市", "诸暨市", "枫桥镇"), ("江苏省", "苏州市", "吴江区", "震泽镇"),
         ("广东省", "佛山市", "南海区", "西樵镇"), ("湖南省", "长沙市", "浏阳市", "大瑶镇"),
         ("福建省", "泉州市", "晋江市", "陈埭镇"), ("安徽省", "合肥市", "肥西县", "三河镇"),
         ("江西省", "赣州市", "南康区", "唐江镇"), ("河南省", "郑州市", "新郑市", "龙湖镇"),
         ("湖北省", "武汉市", "江夏区", "纸坊街道"), ("四川省", "成都市", "郫都区", "唐昌街道"),
         ("浙江省", "杭州市", "余杭区", "良渚街道"), ("山东省", "济南市", "章丘区", "明水街道")]

# {t}: the planted term; {p}: the town
CARRIERS = [
    "今年我们在各村（社区）建成{t}{n}个，把矛盾化解在群众家门口。",
    "依托{t}，全年受理群众诉求{n}件，办结率{m}%。",
    "{p}坚持把{t}作为基层治理的重要抓手，定期研究部署。",
    "二是做实{t}，邀请律师、调解员和网格员共同参与。",
    "推动{t}与人民调解、行政调解有机衔接，形成工作合力。",
    "下一步，我们将总结{t}经验做法，逐步向全域推广。",
    "镇司法所牵头建立{t}工作台账，实行清单化管理、销号式推进。",
    "结合“八五”普法，以{t}为载体，组织开展法治宣传活动{n}场次。",
    "其中，{t}覆盖全部行政村，群众知晓率明显提高。",
    "在{t}运行中发现部分村干部参与不足，存在重形式、轻实效的问题。",
]

BACKGROUND = [
    "{p}党委、政府高度重视法治政府建设工作，把法治建设纳入全镇经济社会发展总体布局。",
    "全年召开党委会专题研究法治建设工作{n}次，及时解决工作中的重大问题。",
    "坚持领导干部会前学法制度，组织班子成员集中学习宪法、民法典等法律法规。",
    "严格落实重大行政决策程序，对涉及群众切身利益的事项广泛听取意见。",
    "聘请律师担任政府法律顾问，对合同协议和信访事项提出法律意见{n}条。",
    "深化综合行政执法改革，规范执法程序，全面推行行政执法三项制度。",
    "加强村级组织规范化建设，完善村规民约，推进自治法治德治相结合。",
    "扎实开展矛盾纠纷排查化解，全年排查各类纠纷{n}起，调处成功{m}起。",
    "推进政务公开，通过政府网站和公开栏及时发布财政预算、惠民资金等信息。",
    "部分干部运用法治思维和法治方式解决问题的能力还不够强。",
    "法治宣传的针对性和实效性有待提高，群众参与的积极性不高。",
    "执法人员专业素质参差不齐，执法力量与工作任务不相适应。",
    "持续推进普法责任制落实，组织法律进村入户活动{n}次。",
    "深入开展安全生产、食品安全、生态环境等领域专项整治行动。",
    "建立健全公共法律服务体系，实现村居法律顾问全覆盖。",
    "认真履行推进法治建设第一责任人职责，党政主要负责人带头述法。",
]


def report(town: tuple[str, str, str, str], year: int, rng: random.Random,
           planted: list[str]) -> str:
    """One report of ``town`` for ``year`` using the ``planted`` terms."""
    prov, city, county, place = town
    title = f"{county}{place}人民政府关于{year}年度法治政府建设情况的报告"

    def fill(s: str, t: str = "") -> str:
        return s.format(t=t, p=place, n=rng.randint(3, 60), m=rng.randint(80, 99))

    back = rng.sample(BACKGROUND, 9)
    uses = [fill(c, t) for t in planted for c in rng.sample(CARRIERS, 3)]
    rng.shuffle(uses)
    half = len(uses) // 2
    body = [title, f"{city}{county}人民政府：",
            f"{year}年，{place}在{county}委、{county}政府的坚强领导下，深入学习贯彻习近平法治思想，"
            f"现将有关情况报告如下。",
            "一、主要工作及成效", "（一）加强组织领导",
            *[fill(s) for s in back[:3]], *uses[:half],
            "（二）推进依法行政", *[fill(s) for s in back[3:6]], *uses[half:],
            "二、存在的问题和不足", *[fill(s) for s in back[6:8]],
            "三、下一步工作打算", fill(back[8]),
            f"{place}人民政府", f"{year + 1}年1月15日"]
    return "\n".join(body) + "\n"


def write_corpus(folder: Path, *, seed: int = 7) -> Path:
    """Write the planted-term reports (one per town and year 2022/2023) into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i, town in enumerate(TOWNS):
        for year in (2022, 2023):
            planted = rng.sample(PLANTED, 4)
            (folder / f"{i:02d}_{town[3]}_{year}.txt").write_text(
                report(town, year, rng, planted), encoding="utf-8")
    return folder
