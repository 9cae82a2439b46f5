//! Plans that must be rejected, each with the exact error code, field path and value.

mod common;
use common::{only_error, rejected, sample_plan};
use incentive_engine::Workspace;
use serde_json::json;

#[test]
fn weights_not_adding_to_100_name_the_numbers() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"][0]["weight"] = json!(80);
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("weights_sum", "scorecards[0].kpis", Some("120")));
    assert_eq!(
        e.message.en,
        "the KPI weights of scorecard `all_reps` add to 120 (revenue 80 + new_customers 25 + visits 15); they must add to 100, or set \"normalize\": true"
    );
    assert_eq!(e.message.zh, "计分卡 `all_reps` 的指标权重合计为 120（revenue 80 + new_customers 25 + visits 15）；必须等于 100，或设置 \"normalize\": true");
}

#[test]
fn a_zero_or_negative_constant_target_is_rejected() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"][1]["target"] = json!("0");
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("target_not_positive", "scorecards[0].kpis[1].target", Some("0")));
    plan["scorecards"][0]["kpis"][1]["target"] = json!("-5");
    assert_eq!(only_error(&plan).value.as_deref(), Some("-5"));
}

#[test]
fn a_formula_written_as_a_bare_number_says_how_to_write_it() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"][1]["target"] = json!(0);
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("invalid_value", "scorecards[0].kpis[1].target", Some("0")));
    assert_eq!(e.message.en, "expected text, found number `0`: write it in double quotes, \"0\"");
    assert_eq!(e.message.zh, "应为文本，实际为数字 `0`：请写在双引号中，\"0\"");
    // Written as the message says, the target is read and judged: a target must be above 0.
    plan["scorecards"][0]["kpis"][1]["target"] = json!("0");
    assert_eq!(only_error(&plan).code, "target_not_positive");
}

#[test]
fn a_missing_field_names_its_full_path() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"][2].as_object_mut().unwrap().remove("actual");
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str()), ("missing_field", "scorecards[0].kpis[2].actual"));
    assert_eq!(e.message.en, "KPI `visits` is scored by `ratio`, which needs `actual`");
    assert_eq!(e.message.zh, "指标 `visits` 使用 `ratio` 计分，需要 `actual`");
}

#[test]
fn a_value_of_the_wrong_type_names_path_and_value() {
    let mut plan = sample_plan();
    plan["commission"][0]["tiers"][1]["rate_pct"] = json!("four");
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("invalid_value", "commission[0].tiers[1].rate_pct", Some("four")));
}

#[test]
fn an_object_written_as_a_list_is_the_wrong_type_not_read_in_order() {
    // serde's derive would take [0, 3] as a tier's `from` and `rate_pct`, in the order declared.
    let mut plan = sample_plan();
    plan["commission"][0]["tiers"][0] = json!([0, 3]);
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("invalid_value", "commission[0].tiers[0]", Some("[0,3]")));
    assert_eq!(e.message.en, "expected an object { … }, found a list");
    assert_eq!(e.message.zh, "应为对象 { … }，实际为列表");
}

#[test]
fn a_misspelt_field_is_unknown_not_ignored() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"][0]["wieght"] = json!(60);
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str()), ("unknown_field", "scorecards[0].kpis[0].wieght"));
    assert!(e.message.en.starts_with("unknown field `wieght`"), "{}", e.message.en);
}

#[test]
fn a_negative_rate_and_unordered_tiers() {
    let mut plan = sample_plan();
    plan["commission"][0]["tiers"][1]["rate_pct"] = json!(-4);
    plan["commission"][0]["tiers"][2]["from"] = json!(90);
    assert_eq!(
        rejected(&plan),
        [
            ("out_of_range".into(), "commission[0].tiers[1].rate_pct".into(), Some("-4".into())),
            ("tier_order".into(), "commission[0].tiers[2].from".into(), Some("90".into())),
        ]
    );
}

#[test]
fn an_unknown_name_in_a_formula_gives_its_column() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"][0]["actual"] = json!("revenue_colected * 1");
    let e = only_error(&plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("formula", "scorecards[0].kpis[0].actual", Some("revenue_colected * 1")));
    assert!(e.message.en.starts_with("at character 1 of the formula: unknown name 'revenue_colected'"), "{}", e.message.en);
}

#[test]
fn syntax_errors_and_versions() {
    let mut ws = Workspace::with_sample_reps();
    let e = &ws.set_plan_json("{ \"version\": 1, ").problems[0];
    assert_eq!(e.code, "json_syntax");
    assert_eq!(e.message.en, "the plan is not valid JSON: line 1, column 16: the text ends where a value should be");
    assert_eq!(e.message.zh, "方案不是有效的 JSON：第 1 行第 16 列：文本在应有值的位置结束");
    assert_eq!(ws.set_plan_json("[1]").problems[0].code, "plan_not_object");
    assert_eq!(ws.set_plan_json("{}").problems[0].code, "version_missing");
    let e = &ws.set_plan_json("{\"version\": 7}").problems[0];
    assert_eq!((e.code, e.value.as_deref()), ("version_unsupported", Some("7")));
    assert_eq!(e.message.en, "this plan is written in format version 7, newer than this engine, which reads version 1: update the engine");
    assert_eq!(e.message.zh, "此方案使用格式版本 7，比本引擎新（本引擎读取版本 1），请升级引擎");
}

#[test]
fn a_plan_saved_with_a_byte_order_mark_is_read() {
    // Notepad and Excel write UTF-8 with a BOM first; reading the file keeps it.
    let text = format!("{}{}", '\u{FEFF}', sample_plan());
    assert!(Workspace::with_sample_reps().set_plan_json(&text).ok);
    assert_eq!(incentive_engine::json_syntax(&text), None);
    assert_eq!(incentive_engine::json_syntax("\u{FEFF}{").map(|p| p.code), Some("json_syntax"));
}

#[test]
fn the_syntax_hint_while_typing_is_the_error_set_plan_gives() {
    let mut ws = Workspace::with_sample_reps();
    for text in ["{ \"version\": 1, ", "{\"version\": 1,,}", "{'version': 1}", "", "[1, 2,]"] {
        let hint = incentive_engine::json_syntax(text).expect(text);
        let set = ws.set_plan_json(text).problems.remove(0);
        assert_eq!((hint.code, &hint.message.en, &hint.message.zh), (set.code, &set.message.en, &set.message.zh), "{text}");
    }
    // JSON that is no plan is not a syntax error: the hint says nothing of it.
    assert!(incentive_engine::json_syntax("[1]").is_none());
    assert!(incentive_engine::json_syntax("{\"version\": 1}").is_none());
}

#[test]
fn a_version_that_never_existed_or_is_not_a_whole_number_is_named() {
    let mut ws = Workspace::with_sample_reps();
    let first = |ws: &mut Workspace, text: &str| ws.set_plan_json(text).problems.into_iter().next().unwrap();
    let e = first(&mut ws, "{}");
    assert_eq!((e.code, e.path.as_str(), e.message.en.as_str()), ("version_missing", "version", "the plan has no \"version\": add \"version\": 1"));
    let e = first(&mut ws, "{\"version\": 0}");
    assert_eq!((e.code, e.value.as_deref()), ("version_unsupported", Some("0")));
    assert_eq!(e.message.en, "there is no plan format version 0: the first version is 1, and this engine reads version 1");
    for (text, value, shown) in [("\"1\"", "1", "\"1\""), ("1.5", "1.5", "1.5"), ("-1", "-1", "-1"), ("null", "null", "null")] {
        let e = first(&mut ws, &format!("{{\"version\": {text}}}"));
        assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("version_invalid", "version", Some(value)), "{text}");
        assert_eq!(e.message.en, format!("\"version\" must be a whole number such as 1, not {shown}"));
        assert!(e.message.zh.contains(shown), "{}", e.message.zh);
    }
}

#[test]
fn a_rejected_plan_leaves_the_previous_one_in_use() {
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(&sample_plan().to_string()).ok);
    let mut bad = sample_plan();
    bad["commission"][0]["tiers"][0]["rate_pct"] = json!(-1);
    assert!(!ws.set_plan_json(&bad.to_string()).ok);
    let eval = ws.evaluate("2026-Q4").unwrap();
    assert_eq!(eval.reps.iter().find(|r| r.rep_id == "E01").unwrap().total_pay.to_string(), "38000.00");
}

#[test]
fn grade_bands_must_be_ordered_and_end_with_a_catch_all() {
    let mut plan = sample_plan();
    plan["grades"]["bands"][1]["min_score"] = json!(95);
    plan["grades"]["bands"][3]["min_score"] = json!(10);
    assert_eq!(
        rejected(&plan),
        [
            ("grade_last_has_min".into(), "grades.bands[3].min_score".into(), Some("10".into())),
            ("grade_order".into(), "grades.bands[1].min_score".into(), Some("95".into())),
        ]
    );
}

#[test]
fn a_plan_may_name_its_json_schema_for_editors() {
    let mut plan = sample_plan();
    plan["$schema"] = json!("https://example.com/incentive-engine/plan.schema.json");
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(&plan.to_string()).ok);
    let parsed = incentive_engine::parse_plan(&plan.to_string()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap()["$schema"], plan["$schema"]);
}

#[test]
fn a_payout_curve_needs_a_positive_target_and_a_step_and_is_rounded_as_money() {
    let mut ws = Workspace::new(incentive_engine::sample_dataset());
    assert!(ws.set_plan_json(&sample_plan().to_string()).ok);
    for (target, shown) in [("0", "0"), ("-100", "-100")] {
        let e = ws.payout_curve(0, common::d(target), 150, 50).unwrap_err();
        assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("target_not_positive", "target", Some(shown)));
        assert_eq!(e.message.zh, format!("目标必须大于 0，而不是 {shown}"));
    }
    let e = ws.payout_curve(0, common::d("1000000"), 200, 0).unwrap_err();
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("out_of_range", "step", Some("0")));
    let e = ws.payout_curve(0, common::d("1000000"), 5000, 50).unwrap_err();
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("out_of_range", "max", Some("5000")));
    // 3% of 1,000,000.005 is 30,000.00015: paid, like every amount of the plan, to the cent.
    let curve = ws.payout_curve(0, common::d("1000000.005"), 100, 50).unwrap();
    let pays: Vec<String> = curve.iter().map(|p| p.pay.to_string()).collect();
    assert_eq!(pays, ["0.00", "15000.00", "30000.00"]);
}

#[test]
fn a_commission_line_is_found_by_its_id_and_an_unknown_id_names_the_plans_lines() {
    let mut ws = Workspace::new(incentive_engine::sample_dataset());
    assert_eq!(ws.line_index("revenue_commission").unwrap_err().code, "no_plan");
    let mut plan = sample_plan();
    let mut second = plan["commission"][0].clone();
    second["id"] = "second_line".into();
    plan["commission"].as_array_mut().unwrap().push(second);
    assert!(ws.set_plan_json(&plan.to_string()).ok);
    let first = plan["commission"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(ws.line_index(&first).unwrap(), 0);
    assert_eq!(ws.line_index("second_line").unwrap(), 1);
    let e = ws.line_index("Second_line").unwrap_err();
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), ("unknown_line", "line", Some("Second_line")));
    assert_eq!(e.message.en, format!("the plan has no commission line \"Second_line\" (its lines: {first}, second_line)"));
    assert_eq!(e.message.zh, format!("方案没有提成项“Second_line”（现有提成项：{first}, second_line）"));
}

#[test]
fn a_json_number_with_more_digits_than_it_keeps_is_refused_not_rounded() {
    let mut ws = Workspace::with_sample_reps();
    let text = sample_plan().to_string().replace("\"rate_pct\":3", "\"rate_pct\":3.333333333333333333333");
    let e = &ws.set_plan_json(&text).problems[0];
    assert_eq!((e.code, e.value.as_deref()), ("number_too_precise", Some("3.333333333333333333333")));
    assert!(e.message.en.ends_with("the number 3.333333333333333333333 has more digits than a JSON number keeps exactly (15): write it in double quotes, \"3.333333333333333333333\", to keep every digit"), "{}", e.message.en);
    assert!(e.message.zh.contains("请写在双引号中"), "{}", e.message.zh);
    // In quotes every digit is kept; 15 digits fit a JSON number; digits inside text are text.
    let quoted = sample_plan().to_string().replace("\"rate_pct\":3", "\"rate_pct\":\"3.333333333333333333333\"");
    assert!(ws.set_plan_json(&quoted).ok);
    for fits in ["3.33333333333333", "0.000000000000001234", "123456789012345e-10", "1e2"] {
        let ok = sample_plan().to_string().replace("\"rate_pct\":3", &format!("\"rate_pct\":{fits}"));
        assert!(!ws.set_plan_json(&ok).problems.iter().any(|p| p.code == "number_too_precise"), "{fits}");
    }
    let named = sample_plan().to_string().replace("\"name\":\"", "\"name\":\"3.333333333333333333333 ");
    assert!(ws.set_plan_json(&named).ok);
}
