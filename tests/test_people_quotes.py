from store.people import collect_people, find_names
from store.quotes import find_quotes


def test_names_not_places():
    names = [n.name for n in find_names("Ông Nguyễn Huy Dũng và bà Lê Thị Hoa đến Hà Nội, Hồ Chí Minh")]
    assert names == ["Nguyễn Huy Dũng", "Lê Thị Hoa"]


def test_places_named_like_people_are_not_people():
    text = (
        "Thủ tướng Thái Lan Prayut Chan-o-cha, Chủ tịch Châu Âu Ursula và ông Lê Văn Hùng ở quận Hoàng Mai gặp "
        "ông Đặng Văn Lâm và ông Văn Bân tại Hàn Quốc."
    )
    assert [n.name for n in find_names(text)] == ["Lê Văn Hùng", "Đặng Văn Lâm", "Văn Bân"]
    streets = (
        "Xe kẹt trên đường Hồ Xuân Hương, phố Nguyễn Lương Bằng và thôn Hoàng Xá của quận Nam Từ Liêm; "
        "đội Hoàng Anh Gia Lai thắng. Chủ tịch thành phố Nguyễn Ngọc Tuấn, Chủ tịch UBND tỉnh Phan Ngọc Thọ "
        "và Đại sứ Việt Nam Đoàn Khắc Việt, ông Hà Nam Trương Quốc Huy dự."
    )
    assert [n.name for n in find_names(streets)] == [
        "Nguyễn Ngọc Tuấn",
        "Phan Ngọc Thọ",
        "Đoàn Khắc Việt",
        "Trương Quốc Huy",
    ]


def test_roles_before_and_after():
    pars = [
        "Ông Nguyễn Tuấn Hà - Phó Chủ tịch Thường trực UBND tỉnh Đắk Lắk cho biết, mục tiêu là 100%.",
        "Thứ trưởng Bộ TT&TT Nguyễn Huy Dũng cho rằng chuyển đổi số là tất yếu.",
        "Ông Phùng Phú Phong, Phó Giám đốc Sở Xây dựng, cho biết như vậy.",
    ]
    people = {p.name: p.role for p in collect_people(pars).people}
    assert people == {
        "Nguyễn Tuấn Hà": "Phó Chủ tịch Thường trực UBND tỉnh Đắk Lắk",
        "Nguyễn Huy Dũng": "Thứ trưởng Bộ TT&TT",
        "Phùng Phú Phong": "Phó Giám đốc Sở Xây dựng",
    }


def quotes_of(pars):
    people = collect_people(pars)
    return [(q.speaker, q.direct, q.text[:24]) for q in find_quotes(pars, people)]


def test_reported_speech_and_short_reference():
    pars = [
        "Chiều 26/4, ông Hoàng Đức Hạnh - Phó Giám đốc Sở Y tế Hà Nội - cho biết, tình hình dịch bệnh vẫn phức tạp"
        " ở nhiều nơi.",
        "Theo ông Hạnh, tại Việt Nam đã ghi nhận 52 ca mắc mới trong tuần.",
    ]
    assert quotes_of(pars) == [
        ("Hoàng Đức Hạnh", False, "tình hình dịch bệnh vẫn "),
        ("Hoàng Đức Hạnh", False, "tại Việt Nam đã ghi nhận"),
    ]


def test_direct_quote_attributed_after_and_by_role():
    pars = [
        "Thứ trưởng Bộ TT&TT Nguyễn Huy Dũng phát biểu tại hội nghị về nhiều nội dung quan trọng.",
        "“Thừa Thiên Huế không phải là tỉnh đầu tiên lựa chọn ngày chuyển đổi số”, Thứ trưởng Bộ TT&TT nhấn mạnh.",
    ]
    assert quotes_of(pars)[-1] == ("Nguyễn Huy Dũng", True, "Thừa Thiên Huế không phả")


def test_multi_paragraph_quote_and_nested_marks():
    pars = [
        "Ông Nguyễn Văn An cho biết: “Chúng ta đang sống trong một giai đoạn đặc biệt của lịch sử.",
        "Mỗi người là một “chiến sĩ” trên mặt trận này, không ai đứng ngoài cuộc”.",
    ]
    got = quotes_of(pars)
    assert [g[0] for g in got] == ["Nguyễn Văn An", "Nguyễn Văn An"] and all(g[1] for g in got)


def test_interview_answers_and_questions():
    pars = [
        "NĐT: Thưa ông, tỉnh đang triển khai chiến lược nào?",
        "Ông Nguyễn Tuấn Hà: Thực hiện mục tiêu xây dựng chính quyền số, tỉnh đã làm nhiều việc.",
    ]
    assert quotes_of(pars) == [("Nguyễn Tuấn Hà", False, "Thực hiện mục tiêu xây d")]


def test_short_quoted_names_are_not_quotes():
    pars = ["UBND tỉnh tổ chức Hội thảo “Chuyển đổi số” với sự tham dự của 500 đại biểu."]
    assert quotes_of(pars) == []


def test_dash_answers_after_questions_belong_to_the_interviewee():
    pars = [
        "Phóng viên đã trao đổi với ông Phan Đức Hiếu - Phó Viện trưởng CIEM về môi trường kinh doanh.",
        "Thưa ông, doanh nghiệp cần gì nhất lúc này?",
        "- Phải nói thẳng, doanh nghiệp cần một môi trường kinh doanh ổn định và minh bạch.",
    ]
    assert quotes_of(pars)[-1] == ("Phan Đức Hiếu", False, "Phải nói thẳng, doanh ng")


def test_role_reference_matches_any_of_several_titles():
    pars = [
        "Trung tướng Nguyễn Duy Ngọc, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an dự và chỉ đạo hội nghị.",
        "Đối với các Cục nghiệp vụ, Thứ trưởng yêu cầu lãnh đạo các đơn vị cần khẩn trương rà soát nhiệm vụ.",
    ]
    assert quotes_of(pars) == [("Nguyễn Duy Ngọc", False, "lãnh đạo các đơn vị cần ")]


def test_reported_statement_after_a_direct_quote():
    pars = [
        "Ông Đặng Văn Minh là Phó Chủ tịch UBND tỉnh Quảng Ngãi.",
        '"Hiệu quả đề án chưa rõ ràng nên tôi đề nghị dừng triển khai", ông Minh nói và cho biết, vấn đề sẽ được'
        " đưa ra thảo luận tại kỳ họp tới.",
    ]
    got = quotes_of(pars)
    assert got == [
        ("Đặng Văn Minh", True, "Hiệu quả đề án chưa rõ r"),
        ("Đặng Văn Minh", False, "vấn đề sẽ được đưa ra th"),
    ]


def test_each_reported_statement_of_a_paragraph_is_its_own_quote():
    pars = [
        "Ông Trần Việt Trường, Chủ tịch UBND TP, cho biết thành phố đặt mục tiêu trở thành trung tâm của vùng. "
        "Đây là định hướng lớn của thành phố trong giai đoạn tới. "
        "Ông Lê Quang Mạnh tin tưởng rằng việc ký kết thỏa thuận hợp tác sẽ mở ra cơ hội mới cho thành phố."
    ]
    got = quotes_of(pars)
    assert got == [
        ("Trần Việt Trường", False, "thành phố đặt mục tiêu t"),
        ("Lê Quang Mạnh", False, "việc ký kết thỏa thuận h"),
    ]
    (first, _) = find_quotes(pars, collect_people(pars))
    assert first.text.endswith("giai đoạn tới.")  # the sentence after is still the first speaker's


def test_a_statement_said_last():
    pars = [
        "Thành phố Huế (mở rộng) bảo đảm 5/5 tiêu chuẩn về quy mô dân số và diện tích tự nhiên theo quy định"
        " - Chủ nhiệm UB Pháp luật Hoàng Thanh Tùng nêu rõ.",
        "Việc kiểm tra sẽ tiếp tục trong những tuần tới ở mọi địa phương, ông Nguyễn Văn Nam cho biết thêm.",
        "Ông Nguyễn Văn Nam nói.",  # nothing said before the speaker
    ]
    assert quotes_of(pars) == [
        ("Hoàng Thanh Tùng", False, "Thành phố Huế (mở rộng) "),
        ("Nguyễn Văn Nam", False, "Việc kiểm tra sẽ tiếp tụ"),
    ]


def test_quoted_spans():
    from store.quotes import _quoted_spans

    text = 'Ông nói: “Đây là “cách mạng” thật sự”, và "câu khác" rồi «câu ba» nữa, còn “chưa đóng'
    got = [(text[a:b], closed) for a, b, closed in _quoted_spans(text)]
    assert got == [
        ("Đây là “cách mạng” thật sự", True),
        ("câu khác", True),
        ("câu ba", True),
        ("chưa đóng", False),
    ]
    assert _quoted_spans('x"y" là chữ') == []  # a mark glued to a word opens nothing


def test_a_long_statement_that_ends_in_a_question_is_the_speakers():
    pars = [
        "Bộ trưởng Bộ LĐ-TB&XH Đào Ngọc Dung cho biết ngành đang đổi mới toàn diện công tác đào tạo nghề.",
        "Theo Bộ trưởng, 5 năm qua, chúng ta chuyển dịch lao động nông thôn từ trên 40% xuống còn 35,4%. "
        "Đây là một bước chuyển dịch tương đối nhanh. Nhưng đóng góp của lực lượng này vào GDP được bao nhiêu?",
        "Thưa Bộ trưởng, ngành sẽ làm gì trong năm tới?",  # a question put to him: no quote
    ]
    got = quotes_of(pars)
    assert got == [
        ("Đào Ngọc Dung", False, "ngành đang đổi mới toàn "),
        ("Đào Ngọc Dung", False, "5 năm qua, chúng ta chuy"),
    ]


def test_speakers_named_the_foreign_way():
    pars = [
        '"Đây là lần triển khai quân đội lớn nhất kể từ năm 2014", người phát ngôn Bộ Quốc phòng Mỹ John Kirby nói.',
        "Cao ủy Đối ngoại EU Josep Borrell ngày 19/4 cho biết Nga đã điều động hơn 150.000 binh sĩ đến biên giới.",
        '"Đây là thảm họa về số liệu thống kê", Bhramar Mukherjee, nhà dịch tễ học tại Đại học Michigan, cho biết.',
        "Chủ tịch Real Madrid Florentino Perez khẳng định giải đấu mới sẽ cứu bóng đá châu Âu khỏi khủng hoảng.",
        "Ông Kirby nói thêm rằng Washington sẽ tiếp tục theo dõi sát tình hình ở khu vực này.",
    ]
    got = [(q.speaker, q.direct) for q in find_quotes(pars, collect_people(pars))]
    assert got == [
        ("John Kirby", True),
        ("Josep Borrell", False),
        ("Bhramar Mukherjee", True),
        ("Florentino Perez", False),
        ("John Kirby", False),
    ]


def test_teams_papers_firms_and_places_are_not_foreign_speakers():
    pars = [
        "Real Madrid cho biết câu lạc bộ sẽ tiếp tục theo đuổi dự án giải đấu mới trong thời gian tới.",
        "Tờ New York Times cho biết chính quyền sẽ công bố gói viện trợ mới trong tuần tới.",
        "Standard Chartered nhận định Việt Nam sẽ đạt mức tăng trưởng cao trong năm tới.",
        "Xã Đắk Nia cho biết đã hỗ trợ toàn bộ các hộ dân bị ảnh hưởng bởi mưa lũ trong tuần qua.",
        "Tây Ban Nha khẳng định sẽ tiếp tục ủng hộ các biện pháp trừng phạt mới của khối.",
    ]
    assert find_quotes(pars, collect_people(pars)) == []


def test_a_person_named_by_an_epithet_is_the_one_just_quoted():
    pars = [
        "Abdulgani Serang, Tổng thư ký Liên minh thủy thủ, cho biết nhiều thuyền viên đã mắc kẹt trên tàu.",
        "Quan chức này cho hay công đoàn đang kêu gọi các hãng tàu sớm thay ca cho các thuyền viên.",
    ]
    got = [(q.speaker, q.text[:20]) for q in find_quotes(pars, collect_people(pars))]
    assert got == [("Abdulgani Serang", "nhiều thuyền viên đã"), ("Abdulgani Serang", "công đoàn đang kêu g")]
    alone = ["Đơn vị này cho biết sẽ tiếp tục kiểm tra các cơ sở kinh doanh trên địa bàn trong thời gian tới."]
    assert find_quotes(alone, collect_people(alone)) == []  # nobody quoted before


def test_a_quotation_that_runs_on_over_unmarked_paragraphs():
    pars = [
        "“Trong quá trình tự chủ các trường đều thực thi đúng quy định của pháp luật.",
        "Trong trường hợp của trường này, dư luận đang có nhiều quan tâm và vấn đề đang được giải quyết.",
        "Bộ cũng đã báo cáo với Chính phủ các vấn đề liên quan tới trường” – bà Nguyễn Thu Thủy nói.",
    ]
    got = [(q.speaker, q.direct, q.text[:20]) for q in find_quotes(pars, collect_people(pars))]
    assert got == [
        ("Nguyễn Thu Thủy", True, "Trong quá trình tự c"),
        ("Nguyễn Thu Thủy", True, "Trong trường hợp của"),
        ("Nguyễn Thu Thủy", True, "Bộ cũng đã báo cáo v"),
    ]
    # an opening mark never closed: the paragraphs after it are read as usual
    unclosed = [pars[0], "Ông Trần Văn Nam cho biết, thành phố sẽ sớm hoàn thành việc rà soát các trường học."]
    assert [q.speaker for q in find_quotes(unclosed, collect_people(unclosed))] == ["Trần Văn Nam"]


def test_a_steering_committee_and_directing_work_say_nothing():
    pars = [
        "Thứ trưởng Bộ Y tế Trần Văn Thuấn, Phó Ban chỉ đạo Quốc gia phòng, chống dịch Covid-19 đã đến làm việc.",
        "Thứ trưởng Trần Văn Thuấn chỉ đạo công tác phòng, chống dịch Covid-19 tại Bạc Liêu trong tuần tới.",
        "Thứ trưởng Trần Văn Thuấn chỉ đạo, các địa phương cần sẵn sàng phương án cách ly tập trung.",
    ]
    got = [(q.speaker, q.text[:20]) for q in find_quotes(pars, collect_people(pars))]
    assert got == [("Trần Văn Thuấn", "các địa phương cần s")]


def test_short_and_bare_references_to_people_named_the_foreign_way():
    pars = [
        "Ông Narendra Raval hiện 58 tuổi, là một doanh nhân giàu có ở Ấn Độ.",
        '"Tôi có 4 bộ comple vì vợ tôi nói tôi cần có nhiều hơn", ông Raval chia sẻ.',
        "Raval cho biết ông đã mua chiếc xe đầu tiên của mình vào năm 1985 ở thành phố quê nhà.",
        '"Tôi rất buồn vì những gì đã xảy ra trong tuần qua", bác sĩ Raval nói.',
        '"Đây là chính sách bảo hiểm tốt nhất cho chiến dịch", Ryan Williams, chiến lược gia của ông Mitt Romney, nói.',
        "Tổng thống Putin khẳng định nước này sẽ đạt miễn dịch cộng đồng vào mùa thu năm nay.",
    ]
    got = [q.speaker for q in find_quotes(pars, collect_people(pars))]
    assert got == ["Narendra Raval", "Narendra Raval", "Narendra Raval", "Ryan Williams", "Putin"]


def test_a_title_before_a_firm_is_a_role_not_a_person():
    pars = ["Bà Trần Thị Lệ, Tổng Giám đốc NutiFood chia sẻ, tỷ lệ trẻ em suy dinh dưỡng đã được cải thiện nhiều."]
    assert [q.speaker for q in find_quotes(pars, collect_people(pars))] == ["Trần Thị Lệ"]


def test_schools_and_communes_named_after_people_are_not_speakers():
    pars = [
        "Ông Võ Thiện Cang, Hiệu trưởng Trường THPT Trần Hữu Trang cho biết, trường sẽ tổ chức thi thử cho học sinh.",
        "Ông Trịnh Lâm Hải - Chủ tịch UBND xã Sơn Thành Tây cho biết, người dân đã được hỗ trợ kịp thời.",
        "Một nam sinh trường Lê Quý Đôn thì bày tỏ lo lắng về kỳ thi sắp tới của các bạn trong lớp.",
    ]
    got = [q.speaker for q in find_quotes(pars, collect_people(pars))]
    assert got == ["Võ Thiện Cang", "Trịnh Lâm Hải"]
    names = [n.name for n in find_names("Hội đồng trường Nguyễn Mai Hương và nói chung là mọi người")]
    assert names == ["Nguyễn Mai Hương"]


def test_a_person_whose_given_names_spell_a_province():
    pars = ["Phó Thủ tướng thường trực Trương Hòa Bình đề nghị TPHCM không được chủ quan với dịch bệnh."]
    assert [q.speaker for q in find_quotes(pars, collect_people(pars))] == ["Trương Hòa Bình"]
    assert [n.name for n in find_names("Bệnh viện Đại học Y Hà Nội và đội Hồng Lĩnh Hà Tĩnh")] == []


def test_a_foreign_first_name_stands_for_its_person():
    pars = [
        "Tiến sĩ Ernest Wong là chuyên gia giáo dục tại Hồng Kông.",
        '"Thi không phải là kiểm tra kiến thức hay trí thông minh", thầy Ernest chia sẻ với học sinh.',
    ]
    assert [q.speaker for q in find_quotes(pars, collect_people(pars))] == ["Ernest Wong"]


def test_an_answer_with_a_role_before_the_colon_and_writing_as_saying():
    pars = [
        "TS.BS Nguyễn Khắc Kiểm, Phó Giám đốc Bệnh viện K Trung ương: Đây là băn khoăn của rất nhiều người bệnh.",
        '"Cho đến nay, đây là thương vụ tồi tệ nhất mà tôi từng thực hiện", tỷ phú Warren Buffett viết.',
        "Tổng giám đốc Samsung Việt Nam cho biết hãng sẽ giới thiệu laptop hỗ trợ viết S Pen trong tháng tới.",
        "Tờ Thai Rath viết: Bóng đá Việt Nam vốn im hơi lặng tiếng bấy lâu nay, giờ bùng nổ trở lại.",
    ]
    got = [(q.speaker, q.qa) for q in find_quotes(pars, collect_people(pars))]
    assert got == [("Nguyễn Khắc Kiểm", True), ("Warren Buffett", False)]


def test_a_foreign_name_after_a_long_title_is_read_whole():
    """A name that begins within 60 characters of a title before it is read
    to its end, however far past that it runs (it was cut there: `Raul Ca`)."""
    par = (
        "Quốc hội Cuba hôm nay chính thức bầu ông Miguel Diaz-Canel, 60 tuổi, làm Bí thư Thứ nhất"
        " Ban chấp hành Trung ương Đảng, kế nhiệm ông Raul Castro. Cuộc bỏ phiếu diễn ra tại Havana."
    )
    names = [p.name for p in collect_people([par]).people]
    assert "Raul Castro" in names
    assert "Raul Ca" not in names


def test_reported_content_keeps_a_word_that_opens_like_la():
    # `là`/`rằng` after the verb are dropped, not the first letters of `làm`, `rằngx`
    pars = [
        "Hương Baby cho biết làm vợ Tuấn Hưng 7 năm qua khá áp lực với cô.",
        "Ông Nguyễn Văn An cho biết là tỉnh sẽ hoàn thành dự án trong năm nay.",
    ]
    got = [(q.speaker, q.text[:12]) for q in find_quotes(pars, collect_people(pars))]
    assert got == [("Hương Baby", "làm vợ Tuấn "), ("Nguyễn Văn An", "tỉnh sẽ hoàn")]
