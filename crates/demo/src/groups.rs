//! Demo participation: groups in every state, coverage with blind spots, tenant contacts.

use super::*;

/// Groups in every state — recognised, unrecognised, missing its yearly meeting, fading — and blind spots left
/// uncovered, with the coverage computed.
pub(super) async fn seed_participation(
    db: &Db,
    corporation: i64,
    sleutel: i64,
    noord: i64,
    actor: &Actor,
) -> anyhow::Result<()> {
    use volkshuis_domain::participatie::group::{ActivityKind, Channel, CriterionCheck, GroupKind};
    use volkshuis_store::participatie::{self as part, Activity, NewGroup};
    let today = dutch_date(time::OffsetDateTime::now_utc());
    let days = time::Duration::days;
    let complexes = |range: std::ops::RangeInclusive<u32>| range.map(|n| format!("CPX{n:06}")).collect::<Vec<_>>();
    let group = |name: &str,
                 kind,
                 area_kind: &str,
                 area_codes: Vec<String>,
                 parent,
                 channels: Vec<Channel>,
                 description: &str| NewGroup {
        corporation_id: corporation,
        parent_id: parent,
        name: name.to_owned(),
        kind,
        area_kind: area_kind.to_owned(),
        area_codes,
        contact_role: "secretaris".to_owned(),
        approx_size: Some(40),
        channels,
        description: description.to_owned(),
        join_info: "Stuur een bericht via dit formulier; de secretaris belt u terug.".to_owned(),
        started_on: Some(today - days(3 * 365)),
    };
    let mut tx = db.begin().await?;
    let hv = part::create_group(
        &mut tx,
        &crate::seed_scope(sleutel),
        actor,
        &group(
            "Huurdersvereniging De Sleutel",
            GroupKind::Huurdersorganisatie,
            "complexes",
            complexes(1..=10),
            None,
            vec![Channel::Meetings, Channel::Newsletter, Channel::SocialMedia],
            "Wij komen op voor de huurders van Woonstad: huurbeleid, onderhoud, servicekosten en leefbaarheid.",
        ),
    )
    .await?;
    let linde = part::create_group(
        &mut tx,
        &crate::seed_scope(sleutel),
        actor,
        &group(
            "Bewonerscommissie De Linde",
            GroupKind::Bewonerscommissie,
            "complexes",
            complexes(4..=4),
            Some(hv),
            vec![Channel::Meetings, Channel::HomeVisits],
            "De commissie van complex De Linde, nu vooral over de renovatie.",
        ),
    )
    .await?;
    let raad = part::create_group(
        &mut tx,
        &crate::seed_scope(noord),
        actor,
        &group(
            "Bewonersraad Noord",
            GroupKind::Huurdersorganisatie,
            "complexes",
            complexes(11..=12),
            None,
            vec![Channel::Meetings],
            "Huurders in Noord, in opbouw.",
        ),
    )
    .await?;
    let buurt = part::create_group(
        &mut tx,
        &crate::seed_scope(corporation),
        actor,
        &group(
            "Leefbaarheidsgroep Centrum",
            GroupKind::Leefbaarheidsgroep,
            "buurten",
            vec!["BU06030803".to_owned()],
            None,
            vec![Channel::Chat],
            "Schoon, heel en veilig in de buurt.",
        ),
    )
    .await?;
    let panel = part::create_group(
        &mut tx,
        &crate::seed_scope(corporation),
        actor,
        &group(
            "Woonpanel Zonnehof",
            GroupKind::DigitaalPanel,
            "complexes",
            complexes(13..=13),
            None,
            vec![Channel::DigitalPanel],
            "Vier keer per jaar een korte vragenlijst.",
        ),
    )
    .await?;
    tx.commit().await?;
    let check = |criterion, met| CriterionCheck {
        criterion,
        met,
        evidence: "statuten en notulen".to_owned(),
        checked_on: today - days(60),
    };
    // The corporation sees every group in its stock.
    let keeper = crate::seed_scope(corporation);
    let mut tx = db.begin().await?;
    for (id, checks) in [
        (hv, GroupKind::Huurdersorganisatie.criteria().iter().map(|c| check(*c, true)).collect::<Vec<_>>()),
        (linde, GroupKind::Bewonerscommissie.criteria().iter().map(|c| check(*c, true)).collect()),
        (
            raad,
            GroupKind::Huurdersorganisatie
                .criteria()
                .iter()
                .map(|c| check(*c, *c != volkshuis_domain::participatie::group::Criterion::ChosenBoard))
                .collect(),
        ),
    ] {
        let g = part::visible_group(db, &keeper, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?;
        part::set_criteria(&mut tx, &keeper, actor, &g, &checks).await?;
    }
    let now = time::OffsetDateTime::now_utc();
    let last_year = time::Date::from_calendar_date(today.year() - 1, time::Month::April, 15)?;
    for (id, kind, held_on, topic) in [
        (hv, ActivityKind::MembersMeeting, last_year, "Jaarvergadering: jaarverslag en plannen"),
        (hv, ActivityKind::Meeting, today - days(20), "Huurbeleid 2027"),
        (linde, ActivityKind::HomeVisits, today - days(40), "Huisbezoeken over de renovatie"),
        (buurt, ActivityKind::Meeting, today - days(500), "Buurtschouw"),
        (panel, ActivityKind::PanelRound, today - days(90), "Tevredenheid over het onderhoud"),
    ] {
        let g = part::visible_group(db, &keeper, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?;
        let activity = Activity { kind, held_on, topic: topic.to_owned(), participants: Some(25) };
        part::add_activity(&mut tx, &keeper, &g, &activity, now).await?;
    }
    tx.commit().await?;
    part::recompute(db, &keeper, corporation).await?;
    // Contact data for the tenants of the first three complexes: every other one with an e-mail address.
    let units = volkshuis_store::stock::units(
        db,
        &crate::seed_scope(corporation),
        &volkshuis_store::stock::UnitFilter::default(),
        0,
        2_000,
    )
    .await?;
    let contacts: Vec<part::ContactRow> = units
        .units
        .iter()
        .filter(|u| u.cluster.as_ref().is_some_and(|(_, code)| code.as_str() <= "CPX000003"))
        .enumerate()
        .map(|(i, u)| part::ContactRow {
            id_extern: u.id_extern.clone(),
            name: format!("Huurder {}", i + 1),
            email: (i % 2 == 0).then(|| format!("huurder{}@example.nl", i + 1)),
        })
        .collect();
    let unknown = part::import_contacts(db, &crate::seed_scope(corporation), actor, &contacts).await?;
    anyhow::ensure!(unknown.is_empty(), "demo contacts for unknown units");
    Ok(())
}
