//! Demo participation: groups in every state — recognised, unrecognised, missing its yearly meeting, fading —
//! founded years ago and named after the complexes they speak for, blind spots where the corporation took over
//! complexes, and the contact data of tenants.

use super::*;
use volkshuis_domain::participatie::group::{ActivityKind, Channel, Criterion, CriterionCheck, GroupKind};
use volkshuis_store::participatie::{self as part, Activity, NewGroup};

/// The tenant groups, their criteria and activities, the coverage, and tenant contacts.
pub(super) async fn seed_participation(
    db: &Db,
    corporation: i64,
    (sleutel, noord): (i64, i64),
    stock: &[portfolio::DemoUnit],
    complexes: &[ComplexFacts],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let codes = |list: &[ComplexFacts]| list.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
    let (association, district) = (&complexes[..10], &complexes[10..12]);
    let linde = facts::named(complexes, "De Linde")?;
    let zonnehof = facts::named(complexes, "Zonnehof")?;
    let centre = facts::named(complexes, "Binnenstad Zutphen")?;
    let centre_buurt = portfolio::buurt_code(complexes.iter().position(|c| c.code == centre.code).unwrap_or(0));
    let group =
        |name: &str, kind, area: (&str, Vec<String>), parent, size, channels: Vec<Channel>, description| NewGroup {
            corporation_id: corporation,
            parent_id: parent,
            name: name.to_owned(),
            kind,
            area_kind: area.0.to_owned(),
            area_codes: area.1,
            contact_role: "secretaris".to_owned(),
            approx_size: Some(size),
            channels,
            description,
            join_info: "Stuur een bericht via dit formulier; de secretaris neemt contact met u op.".to_owned(),
            started_on: None,
        };
    let years_ago = |years: i32, months: i32| timeline.first_of_month_ago(years * 12 + months);
    let hv_group = NewGroup {
        started_on: Some(years_ago(14, 5)),
        ..group(
            "Huurdersvereniging De Sleutel",
            GroupKind::Huurdersorganisatie,
            ("complexes", codes(association)),
            None,
            310,
            vec![Channel::Meetings, Channel::Newsletter, Channel::SocialMedia],
            texts::association(&association.iter().collect::<Vec<_>>()),
        )
    };
    let mut tx = db.begin().await?;
    let registered = timeline.by("bestuur@desleutel.test", timeline.first_of_month_ago(23), 20);
    let hv = part::create_group(&mut tx, &crate::seed_scope(sleutel), &registered, &hv_group).await?;
    let linde_group = NewGroup {
        started_on: Some(years_ago(6, 2)),
        ..group(
            "Bewonerscommissie De Linde",
            GroupKind::Bewonerscommissie,
            ("complexes", vec![linde.code.clone()]),
            Some(hv),
            9,
            vec![Channel::Meetings, Channel::HomeVisits],
            texts::committee(linde),
        )
    };
    let registered = timeline.by("bestuur@desleutel.test", timeline.first_of_month_ago(22), 20);
    let linde_id = part::create_group(&mut tx, &crate::seed_scope(sleutel), &registered, &linde_group).await?;
    let raad_group = NewGroup {
        started_on: Some(years_ago(1, 2)),
        ..group(
            "Bewonersraad Noord",
            GroupKind::Huurdersorganisatie,
            ("complexes", codes(district)),
            None,
            7,
            vec![Channel::Meetings],
            texts::district_council(&district.iter().collect::<Vec<_>>(), "Deventer-Noord"),
        )
    };
    let registered = timeline.by("secretaris@bewonersraadnoord.test", timeline.first_of_month_ago(13), 19);
    let raad = part::create_group(&mut tx, &crate::seed_scope(noord), &registered, &raad_group).await?;
    let centre_group = NewGroup {
        started_on: Some(years_ago(4, 0)),
        ..group(
            "Leefbaarheidsgroep Centrum",
            GroupKind::Leefbaarheidsgroep,
            ("buurten", vec![centre_buurt]),
            None,
            12,
            vec![Channel::Chat],
            "Schoon, heel en veilig in de binnenstad van Zutphen.".to_owned(),
        )
    };
    let registered = timeline.by("medewerker@woonstad.test", timeline.first_of_month_ago(21), 14);
    let buurt = part::create_group(&mut tx, &crate::seed_scope(corporation), &registered, &centre_group).await?;
    let panel_group = NewGroup {
        started_on: Some(years_ago(2, 0)),
        ..group(
            "Woonpanel Zonnehof",
            GroupKind::DigitaalPanel,
            ("complexes", vec![zonnehof.code.clone()]),
            None,
            48,
            vec![Channel::DigitalPanel],
            texts::panel(zonnehof),
        )
    };
    let registered = timeline.by("medewerker@woonstad.test", timeline.first_of_month_ago(22), 14);
    let panel = part::create_group(&mut tx, &crate::seed_scope(corporation), &registered, &panel_group).await?;
    tx.commit().await?;
    let keeper = crate::seed_scope(corporation);
    let checked_on = timeline.days_ago(60);
    let check =
        |criterion, met| CriterionCheck { criterion, met, evidence: "statuten en notulen".to_owned(), checked_on };
    let checker = timeline.by("admin@woonstad.test", checked_on, 11);
    let mut tx = db.begin().await?;
    for (id, checks) in [
        (hv, GroupKind::Huurdersorganisatie.criteria().iter().map(|c| check(*c, true)).collect::<Vec<_>>()),
        (linde_id, GroupKind::Bewonerscommissie.criteria().iter().map(|c| check(*c, true)).collect()),
        // Bewonersraad Noord has no board chosen by the tenants yet.
        (
            raad,
            GroupKind::Huurdersorganisatie.criteria().iter().map(|c| check(*c, *c != Criterion::ChosenBoard)).collect(),
        ),
    ] {
        let g = part::visible_group(db, &keeper, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?;
        part::set_criteria(&mut tx, &keeper, &checker, &g, &checks).await?;
    }
    let year = overleg_cases::plan_year(timeline.today);
    // The association's last members' meeting is over a year ago (its yearly meeting is missing); the
    // leefbaarheidsgroep has done nothing for well over a year (fading).
    for (id, kind, held_on, topic, participants) in [
        (
            hv,
            ActivityKind::MembersMeeting,
            timeline.days_ago(420),
            "Jaarvergadering: jaarverslag en plannen".to_owned(),
            64,
        ),
        (hv, ActivityKind::Meeting, timeline.days_ago(20), format!("Huurbeleid {year}"), 11),
        (linde_id, ActivityKind::HomeVisits, timeline.days_ago(40), "Huisbezoeken over de renovatie".to_owned(), 37),
        (buurt, ActivityKind::Meeting, timeline.days_ago(500), "Buurtschouw".to_owned(), 8),
        (panel, ActivityKind::PanelRound, timeline.days_ago(90), "Tevredenheid over het onderhoud".to_owned(), 31),
    ] {
        let g = part::visible_group(db, &keeper, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?;
        let activity = Activity { kind, held_on, topic, participants: Some(participants) };
        part::add_activity(&mut tx, &keeper, &g, &activity, timeline.at(held_on + time::Duration::days(1), 10)).await?;
    }
    tx.commit().await?;
    // Woonstad recognised the association and the Linde's committee when their criteria were shown (ADR 0072);
    // Bewonersraad Noord waits for its chosen board.
    let mut recognised = Vec::new();
    for id in [hv, linde_id] {
        recognised.push(part::visible_group(db, &keeper, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?);
    }
    let mut tx = db.begin().await?;
    for g in &recognised {
        anyhow::ensure!(part::set_recognition(&mut tx, &keeper, &checker, g, Some(checked_on)).await?, "recognition");
    }
    tx.commit().await?;
    part::recompute(db, &keeper, corporation).await?;
    // Contact data for the tenants of the first three complexes, from last month's tenant file: every other one
    // with an e-mail address.
    let contacts: Vec<part::ContactRow> = stock
        .iter()
        .filter(|u| u.complex < 3 && u.is_dwelling())
        .enumerate()
        .map(|(i, u)| {
            let (name, mail) = tenant_name(i);
            part::ContactRow { id_extern: u.id_extern.clone(), name, email: (i % 2 == 0).then_some(mail) }
        })
        .collect();
    let imported = timeline.by("medewerker@woonstad.test", timeline.days_ago(32), 9);
    let unknown = part::import_contacts(db, &keeper, &imported, &contacts).await?;
    anyhow::ensure!(unknown.is_empty(), "demo contacts for unknown units");
    Ok(())
}

/// A made-up tenant's name and e-mail address (at example.nl, which never receives mail) for contact row `i`.
fn tenant_name(i: usize) -> (String, String) {
    const FIRST: [&str; 16] = [
        "Annie", "Kees", "Fatma", "Henk", "Sanne", "Mohamed", "Ria", "Jan", "Priya", "Wim", "Lotte", "Ahmet", "Gerda",
        "Bas", "Nadia", "Theo",
    ];
    const LAST: [(&str, &str); 13] = [
        ("de Jong", "dejong"),
        ("Jansen", "jansen"),
        ("Bulut", "bulut"),
        ("van den Berg", "vandenberg"),
        ("Bakker", "bakker"),
        ("Hendriks", "hendriks"),
        ("El Idrissi", "elidrissi"),
        ("Mulder", "mulder"),
        ("Smits", "smits"),
        ("Kramer", "kramer"),
        ("Ramdin", "ramdin"),
        ("Postma", "postma"),
        ("Wolters", "wolters"),
    ];
    // 16 and 13 share no factor, so the 208 pairs come round before a name repeats.
    let first = FIRST[i % FIRST.len()];
    let (last, mail_last) = LAST[i % LAST.len()];
    (format!("{first} {last}"), format!("{}.{mail_last}{}@example.nl", first.to_lowercase(), i / 208 + 1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn tenant_names_repeat_only_after_every_pair_was_used() {
        let names: Vec<(String, String)> = (0..208).map(super::tenant_name).collect();
        let distinct: std::collections::HashSet<_> = names.iter().map(|(n, _)| n).collect();
        assert_eq!(distinct.len(), 208);
        assert_eq!(names[0], ("Annie de Jong".to_owned(), "annie.dejong1@example.nl".to_owned()));
        assert_eq!(super::tenant_name(208).1, "annie.dejong2@example.nl", "addresses stay unique");
    }
}
