"""Words of the language the extractors match on. Data, not code: each table
is read by one generic matcher elsewhere."""

from __future__ import annotations

# Family names: a capitalised run of 2–4 syllables starting with one is a name.
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Chử Phùng Tô Đào Mai Trương Đinh
    Lâm Hà Cao Lương Lưu Thái Tạ Kiều Quách Châu Trịnh Đoàn Vương Triệu Thân La Lại Khúc Âu Từ Tăng Mạc Bạch Giang
    Kim Hứa Tống Diệp Doãn Văn Nghiêm Quan Tôn Tiêu Viên Yên Khổng Khương Lò Lục Mã Nông Ninh Phí Sầm
    Thạch Trình Ung Vi Hầu Cù Cấn Chu Đàm Đồng Đường Hàn Hồng Lã Lạc Lều Lộ Mẫn Nhữ Phương Quang Sơn Tào Thiều
    Tiết Trà Trang Vòng Vĩnh Y Hoàng""".split()
)

# Words that may follow a surname but end a name (they start something else).
NAME_STOPWORDS = frozenset(
    "Bộ Sở UBND Ủy Tỉnh Huyện Quận Xã Phường Viện Ban Cục Vụ Hội Đảng Công Tổng Thứ Phó Chủ Ông Bà".split()
)

# Places whose name opens with a family name (`Thái`, `Hàn`, `Hà`, `Châu`...):
# never a person. Districts are known from the gazetteer.
NOT_PERSON_NAMES = frozenset(
    (
        "Thái Lan|Hàn Quốc|Hà Lan|Hồng Kông|Châu Á|Châu Âu|Châu Phi|Châu Mỹ|Châu Úc|Đào Nha|Vũ Hán|Phương Tây|"
        "Phương Đông|Bạch Mai|Hồ Gươm|Hồ Tây|Tây Nguyên|Giang Tô|Quảng Châu|Thượng Hải|Hồ Bắc|Hà Bắc"
    ).split("|")
)

# Names of places and bodies written before a person's name in foreign news
# (`Hải quân Indonesia Yudo Margono`, `Bộ Quốc phòng Mỹ John Kirby`): not part of it.
FOREIGN_PLACES = frozenset(
    """Mỹ Nga Anh Pháp Đức Ý Nhật Úc Trung Quốc Ấn Độ Canada Indonesia Malaysia Singapore Philippines Myanmar
    Campuchia Lào Thái Lan Brazil Argentina Mexico Israel Iran Iraq Syria Ukraine Belarus Thổ Nhĩ Kỳ Ai Cập Pakistan
    Afghanistan Australia Tây Ban Nha Bồ Đào Nha Hà Lan Bỉ Thụy Sĩ Thụy Điển Na Uy Đan Mạch Phần Lan Ba Lan Séc Áo
    Hungary Romania Hy Lạp Nigeria Kenya Nam Phi Chile Colombia Peru Venezuela Cuba Qatar Saudi Arabia UAE EU NATO
    UEFA FIFA WHO ASEAN LHQ Liên Hợp Quốc Nhà Trắng Lầu Năm Góc Kremlin Châu Âu Việt Nam Sri Lanka New York London
    Paris Tokyo Seoul Bắc Kinh Washington Moscow Berlin California Texas Florida Hollywood""".split()
)

# Words of a name that make it a body, a team, a place or a thing, not a person.
NOT_PERSON_WORDS = frozenset(
    """Times Post News Journal Daily Weekly Herald Tribune Guardian Telegraph Mail Express Mirror Press Agency Reuters
    Bloomberg Group Inc Corp Corporation Company Co Ltd Bank Airlines Airways Motors Electronics Entertainment Studio
    Studios Records Foundation University Institute College School Hospital Center Centre Council Party Union
    Association Organization Organisation Committee Ministry Department Office Service Services Network Media TV
    Radio Channel Magazine Shop Store Mobile Marketing Digital Consortium Club United City FC League Super Cup Real
    Madrid Barcelona Atletico Juventus Inter Milan Arsenal Chelsea Liverpool Tottenham Pradesh Street Road Avenue
    Square Park Bay Island Islands River Lake Mountain Airport Station Hotel Resort Tower Bridge Given Lab Labs Tech
    Technology Technologies Systems Solutions Capital Holdings Fund Trust Global International National Republic
    State States Kingdom Royal Federal Central Southern Northern Eastern Western Pacific Atlantic Covid Facebook
    Google Apple Microsoft Amazon Samsung Huawei Xiaomi Twitter Instagram YouTube TikTok Netflix Tesla Pfizer
    Moderna AstraZeneca Sputnik Vaccine Prize Award Awards Festival Show Game Games Open Championship Utd Summit
    Authority Sports Sport Review Science Nature Medicine Psychiatry Today Insider Week Report Research
    Aviation Market Markets Chartered Wealth Economics Garden Gardens Partners Associates Consulting Analytics Insights
    Energy Power Oil Gas Pharma Pharmaceuticals Health Healthcare Medical Foods Food Securities Investment
    Investments Finance Financial Insurance Logistics Shipping Telecom Communications Software Electric Industries
    Industry Watch Rights Alliance Coalition Forum Initiative Project Program Programme Motor Auto Cars
    Design Fashion Beauty Music Pictures Films Film Books Publishing Hospitality Resorts Hotels Estate Properties
    Realty Development Ventures Robotics Aerospace Defense Defence Navy Army Force Guard Police Court Land
    Security Cyber Politics Analysis Intelligence Strategy Strategies Policy""".split()
)

# Titles that open a role: `Phó Chủ tịch Thường trực UBND tỉnh Đắk Lắk`.
ROLE_TITLES = tuple(
    sorted(
        """Thủ tướng|Phó Thủ tướng|Chủ tịch nước|Phó Chủ tịch nước|Tổng Bí thư|Chủ tịch Quốc hội|Phó Chủ tịch Quốc hội
Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Giám đốc|Phó Giám đốc|Tổng Giám đốc|Phó Tổng Giám đốc
Cục trưởng|Phó Cục trưởng|Vụ trưởng|Phó Vụ trưởng|Viện trưởng|Phó Viện trưởng|Trưởng ban|Phó Trưởng ban|Trưởng Ban
Phó Trưởng Ban|Trưởng phòng|Phó Trưởng phòng|Chánh Văn phòng|Phó Chánh Văn phòng|Chánh thanh tra|Chánh án|Viện trưởng
Hiệu trưởng|Phó Hiệu trưởng|Chủ nhiệm|Phó Chủ nhiệm|Tổng Thư ký|Tổng thư ký|Thư ký|Người phát ngôn|Đại biểu Quốc hội
Đại sứ|Tổng Lãnh sự|Trưởng đoàn|Chỉ huy trưởng|Tư lệnh|Phó Tư lệnh|Chính ủy|Tham mưu trưởng
Trưởng Công an|Phó Trưởng Công an
Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Chủ tịch HĐQT|Tổng biên tập
Phó Tổng biên tập|Trưởng khoa|Phó Trưởng khoa|Bác sĩ|Luật sư|Kiến trúc sư|Nhà báo|Nhà văn|Nghệ sĩ|Giáo sư|Phó Giáo sư
Tiến sĩ|Thạc sĩ|Chuyên gia|Trưởng phòng|Trưởng trạm|Trưởng đài|Trưởng bộ phận|Trưởng thôn|Trưởng ấp|Đồng chí
Ủy viên Bộ Chính trị|Ủy viên Trung ương Đảng|Ủy viên|Uỷ viên
Trưởng Đại diện|Trưởng đại diện|Điều phối viên|Nhà nghiên cứu|Doanh nhân|Nhà sáng lập
Đồng sáng lập|CEO|Trưởng nhóm
Tổng thống|Phó Tổng thống|Ngoại trưởng|HLV|Huấn luyện viên|Quốc vương|Nữ hoàng|Hoàng tử""".replace("\n", "|").split(
            "|"
        ),
        key=len,
        reverse=True,
    )
)

# Academic prefixes written before a name: `PGS.TS. Đào Xuân Cơ`.
ACADEMIC = r"(?:(?:GS|PGS|TS|ThS|BS|BSCKII|BSCKI|BSCK|KTS|LS|NSND|NSƯT|NGƯT|TTND|TTƯT|Ths|TSKH)\.?\s?){1,4}"

PERSON_WORDS = ("ông", "bà", "anh", "chị", "em", "cô", "thầy", "đồng chí", "cụ", "chú", "bác")

# Nouns for a person, for `quan chức này`, `chiến lược gia người Hàn Quốc này`: the one just quoted.
PERSON_NOUNS = (
    "quan chức|vị|người|chuyên gia|nhà khoa học|nhà nghiên cứu|huấn luyện viên|HLV|chiến lược gia|cầu thủ|tiền đạo|"
    "tiền vệ|hậu vệ|thủ môn|danh thủ|ngôi sao|ca sĩ|diễn viên|người đẹp|mỹ nhân|người mẫu|hoa hậu|á hậu|bác sĩ|"
    "giáo sư|lãnh đạo|doanh nhân|tỷ phú|chính trị gia|nhà báo|tác giả|nghệ sĩ|vận động viên|VĐV|cán bộ|"
    "người phát ngôn|phát ngôn viên|nhà ngoại giao|tướng|sếp|giám đốc|chủ tịch|bộ trưởng|thủ tướng|tổng thống"
).split("|")

# Verbs of saying, for reported speech: `X cho biết, ...`.
SPEECH_VERBS = tuple(
    sorted(
        """cho biết|nhấn mạnh|cho rằng|khẳng định|chia sẻ|nói|phát biểu|đề nghị|yêu cầu|nhận định|đánh giá|
thông tin|thông báo|bày tỏ|đề xuất|lưu ý|kiến nghị|giải thích|cảnh báo|cho hay|trao đổi|khuyến cáo|đề ra|
mong rằng|mong muốn|dự báo|chỉ đạo|nêu rõ|nêu|phân tích|tiết lộ|thừa nhận|nhắc nhở|kêu gọi|báo cáo|
khuyến nghị|trả lời|đánh giá cao|ghi nhận|tâm sự|kể|nhớ lại|chỉ rõ|xác định|lý giải|quả quyết|nhận xét|
thông tin thêm|cho biết thêm|nói thêm|chia sẻ thêm|bổ sung|tiếp tục yêu cầu|
kết luận|nhắn nhủ|căn dặn|bộc bạch|khuyên|hướng dẫn|khái quát|nhìn nhận|dẫn chứng|thông tin rằng|
thông tin khẳng định|lo ngại|tin tưởng|hy vọng|hi vọng|cam kết|quán triệt|đề cập|nêu ý kiến|ví dụ|lấy ví dụ|
chỉ ra|băn khoăn|chốt lại|xác nhận|kể lại|viết|thốt lên""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)

# Kinds of event and the words that name them, most specific first.
EVENT_KINDS: tuple[tuple[str, str], ...] = (
    ("tuần lễ", "week"),
    ("diễn đàn", "forum"),
    ("hội thảo", "workshop"),
    ("tọa đàm", "workshop"),
    ("toạ đàm", "workshop"),
    ("hội nghị", "conference"),
    ("đại hội", "conference"),
    ("họp đại hội", "conference"),  # `họp đại hội cổ đông`: the assembly, not `họp`
    ("họp báo", "meeting"),
    ("phiên họp", "meeting"),
    ("cuộc họp", "meeting"),
    ("buổi họp", "meeting"),
    ("buổi làm việc", "meeting"),
    ("làm việc với", "meeting"),
    ("đã làm việc", "meeting"),
    ("tiếp xúc cử tri", "meeting"),
    ("kiểm tra", "meeting"),
    ("đến thăm", "meeting"),
    ("thăm và", "meeting"),
    ("lễ khai mạc", "ceremony"),
    ("lễ khánh thành", "ceremony"),
    ("lễ khởi công", "ceremony"),
    ("lễ trao", "ceremony"),
    ("lễ kỷ niệm", "ceremony"),
    ("lễ công bố", "ceremony"),
    ("lễ ký", "ceremony"),
    ("lễ ra mắt", "ceremony"),
    ("lễ phát động", "ceremony"),
    ("lễ tuyên dương", "ceremony"),
    ("lễ mít tinh", "ceremony"),
    ("khai mạc", "ceremony"),
    ("tổ chức lễ", "ceremony"),
    ("buổi lễ", "ceremony"),
    ("dự lễ", "ceremony"),
    ("tại lễ", "ceremony"),
    ("khánh thành", "ceremony"),
    ("buổi công bố", "ceremony"),  # not a bare `công bố`: `HLV X công bố danh sách` is no ceremony
    ("phỏng vấn", "interview"),
    ("họp", "meeting"),
)

# Words that say a number is a goal, or a reported result.
TARGET_CUES = (
    "mục tiêu",
    "phấn đấu",
    "chỉ tiêu",
    "kế hoạch",
    "dự kiến",
    "dự định",
    "đặt ra",
    "đề ra",
    "hướng tới",
    "tầm nhìn",
    "tối thiểu",
    "sẽ",
    "cần",
    "phải",
    "hãy",
    "nâng lên",
    "tiến tới",
    "kỳ vọng",
    "ưu tiên",
    "vốn",
    "đầu tư",
    "dự toán",
    "trong tuần tới",
    "sắp tới",
    "đến năm",
    "đến hết năm",
    "định hướng",
)
# Words that make a number a reported result even in a sentence about goals.
FIGURE_CUES = ("đã", "ghi nhận", "tính đến", "hiện có", "hiện nay", "năm qua", "thời gian qua", "vừa qua", "trước đó")

# Comparators before a number, and after it.
COMPARATORS = (
    ("từ", ">="),
    ("trên", ">"),
    ("hơn", ">"),
    ("tối thiểu", ">="),
    ("ít nhất", ">="),
    ("không dưới", ">="),
    ("tối đa", "<="),
    ("không quá", "<="),
    ("dưới", "<"),
    ("gần", "~"),
    ("khoảng", "~"),
    ("xấp xỉ", "~"),
    ("hơn", ">"),
    ("lên", "="),
    ("đạt", "="),
)

# Units written in capitals (energy, money, freight); product specs such as
# `8 GB` stay out on purpose (NOT_UNITS).
UPPER_UNITS = frozenset(
    {"MW", "GW", "MWh", "GWh", "USD", "VND", "VNĐ", "EUR", "TEU", "CCU", "CLB", "VĐV", "F0", "F1", "F2", "F3"}
)

# Multipliers kept with the unit (`15 nghìn lô đất` is 15, `nghìn lô đất`).
MULTIPLIERS = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn", "trăm")

# Nouns after which a number is a label, not a quantity: `mức độ 4`, `lần 1`.
LABEL_BEFORE = (
    "mức độ",  # but `ở mức 6,5%`, `mức 843,6 triệu đồng` are quantities
    "lần",
    "đợt",
    "thứ",
    "khóa",
    "khoá",
    "kỳ",
    "giai đoạn",
    "phiên",
    "tập",
    "quý",
    "tuần",
    "covid",
    "sars-cov",
    "điều",
    "khoản",
    "nghị định",
    "quyết định",
    "thông tư",
    "chỉ thị",
    "công văn",
    "kế hoạch số",
    "nghị quyết",
    "ngõ",
    "ngách",
    "hẻm",
    "phút",  # `phút 31`: a minute of a match
    "gói",
    "ngã",  # `ngã 3`: a junction
    "túyp",
    "tuýp",
    "công nghiệp",
    "cấp độ",
    "hạng",
    "top",
    "lớp",
    "tổ",
    "khu",
    "đường",
    "quốc lộ",
    "tỉnh lộ",
    "phường",
    "quận",
    "ấp",
    "thôn",
    "xóm",
    "tổ dân phố",
    "tầng",
    "phòng",
    "nhóm",
    "bảng",
    "vòng",
    "tiêu chí",
    "chương",
    "mục",
    "trang",
    "ngày",
    "tháng",
    "năm",
    "lúc",
    "version",
    "phiên bản",
    "web",
    "4g/",
    "g",
    "km",
    "tuổi",
)
# Words after a number that make it a date, time or label, not a quantity.
NOT_UNITS = (
    "h",
    "giây",
    "quý",
    "lần",
    "tuổi",  # an age, not a figure
    "g",
    "tr",
    "gb",
    "mb",
    "mhz",
    "ghz",
    "đến",
    "và",
    "hoặc",
    "là",
    "của",
    "với",
    "trong",
    "tại",
    "cho",
    "thì",
    "mà",
    "nên",
    "đã",
    "sẽ",
    "đang",
    "được",
    "có",
    "để",
    "từ",
    "trở",  # `500 trở lên`: a bound, its unit said before
    "lên",  # `từ 32 lên 36 CLB`: the unit comes with the second number
    "tới",  # `30 tới tối đa 35 năm`
    "toàn",  # `giải 3 toàn quốc`
    # a verb or an adverb right after a number: it names something (`thị trường 1 đạt`, `Bệnh viện 199 hiện`)
    "đạt",
    "tăng",
    "giảm",
    "hiện",
    "vẫn",
    "cũng",
    "đều",
    "chưa",
    "không",
    "mới",
    "xuống",
    "còn",
    "x",  # `8x`: a generation
)

# Words that end a role written after a name: the clause goes on.
ROLE_ENDERS = (
    "đã",
    "cũng",
    "về",
    "tại",
    "trong",
    "khi",
    "giới thiệu",
    "chủ trì",
    "tham dự",
    "cho",
    "với",
    "là",
    "thì",
    "vừa",
    "đang",
    "sẽ",
    "mới",
    "có",
    "đến",
    "trả lời",
    "thăm",
    "kiểm tra",
    "làm việc",
    "dự",
    "ký",
    "trao",
    "được",
    "bị",
)
