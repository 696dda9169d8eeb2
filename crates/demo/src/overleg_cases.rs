//! Demo overleg: cases in every stage about the complexes they name, received weeks ago, with deadlines ahead and
//! one just passed, a meeting held and one planned, and a budget for this year.

use super::*;
use time::{Duration, Month};

/// The year a plan is made for: plans for the coming July onwards are discussed from the summer before.
pub(crate) fn plan_year(today: time::Date) -> i32 {
    if today.month() >= Month::July {
        today.year() + 1
    } else {
        today.year()
    }
}

/// Example overleg cases in every stage, dated back from the seed day, about the demo stock.
pub(super) async fn seed_overleg(
    db: &Db,
    corporation: i64,
    (sleutel, noord): (i64, i64),
    complexes: &[ComplexFacts],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let scope = crate::seed_scope(corporation);
    let year = plan_year(timeline.today);
    let case = |tenant_org_id, kind, subject, title: &str, explanation: String, received_on, clusters: Vec<String>| {
        Ok::<_, anyhow::Error>(NewCase {
            tenant_org_id,
            kind,
            subject,
            title: Name::parse(title)?,
            explanation: LongText::parse(&explanation)?,
            received_on,
            agreed_weeks: None,
            clusters,
        })
    };
    let codes = |list: &[&ComplexFacts]| list.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
    let linde = facts::named(complexes, "De Linde")?;
    let staircases = pick(complexes, &["Rivierenbuurt", "Schildersbuurt"])?;
    let maintenance = pick(complexes, &["Flat Zonnewijzer", "Bloemenbuurt", "Parkzicht"])?;
    let (vogelbuurt, wieken) = (facts::named(complexes, "Vogelbuurt")?, facts::named(complexes, "Flat De Wieken")?);
    let cases = [
        case(
            sleutel,
            RequestKind::Advice,
            Subject::Maintenance,
            "Renovatie en isolatie complex De Linde",
            texts::renovation(linde, year),
            timeline.days_ago(10),
            vec![linde.code.clone()],
        )?,
        case(
            sleutel,
            RequestKind::Consent,
            Subject::ServiceCosts,
            &format!("Servicekosten {year}: schoonmaak trappenhuizen"),
            texts::staircase_cleaning(&staircases),
            timeline.days_ago(30),
            codes(&staircases),
        )?,
        case(
            sleutel,
            RequestKind::Information,
            Subject::Maintenance,
            &format!("Meerjarenonderhoudsplan {year}"),
            texts::maintenance_plan(&maintenance, year),
            timeline.days_ago(5),
            codes(&maintenance),
        )?,
        case(
            sleutel,
            RequestKind::Advice,
            Subject::RentPolicy,
            &format!("Huurbeleid {year}"),
            texts::rent_policy(complexes, year),
            timeline.days_ago(45),
            Vec::new(),
        )?,
        case(
            noord,
            RequestKind::Advice,
            Subject::Allocation,
            "Voorrang voor ouderen bij nieuwbouw Noord",
            texts::allocation(vogelbuurt, wieken, year),
            timeline.days_ago(80),
            codes(&[vogelbuurt, wieken]),
        )?,
    ];
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for new in &cases {
        let sent = timeline.by("medewerker@woonstad.test", new.received_on, 9);
        ids.push(overleg::create(&mut tx, &scope, &sent, new).await?);
    }
    // The rent policy was advised on 17 days ago: the corporation's reasoned reply (14 days) is a few days late.
    let tenant_scope = crate::seed_scope(sleutel);
    let rent = overleg::get_in(tx.conn(), &tenant_scope, ids[3]).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let advice = "Wij adviseren de huren niet meer dan de inflatie te verhogen en de huren van de kleinste \
                  woningen te bevriezen.";
    let on = timeline.days_ago(17);
    let answer = Answer { kind: AnswerKind::Advice, text: Some(advice.to_owned()), on };
    let board = timeline.by("bestuur@desleutel.test", on, 21);
    overleg::answer(&mut tx, &tenant_scope, &board, &rent, rent.version, &answer).await?;
    // Bewonersraad Noord's advice was not followed, with reasons.
    let noord_scope = crate::seed_scope(noord);
    let allocation =
        overleg::get_in(tx.conn(), &noord_scope, ids[4]).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let on = timeline.days_ago(40);
    let answer =
        Answer { kind: AnswerKind::Advice, text: Some("Geef ook jonge gezinnen uit de wijk voorrang.".to_owned()), on };
    let secretary = timeline.by("secretaris@bewonersraadnoord.test", on, 20);
    overleg::answer(&mut tx, &noord_scope, &secretary, &allocation, allocation.version, &answer).await?;
    let reply = "De gemeente geeft jonge gezinnen al voorrang in de nieuwbouw in Colmschate-Zuid; hier kiezen wij \
                 voor ouderen om doorstroming op gang te brengen.";
    let on = timeline.days_ago(30);
    let decision = DecisionRecord { decision: Decision::NotFollowed, reply: Some(reply.to_owned()), on };
    let allocation =
        overleg::get_in(tx.conn(), &scope, allocation.id).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let office = timeline.by("admin@woonstad.test", on, 15);
    overleg::decide(&mut tx, &scope, &office, &allocation, allocation.version, &decision).await?;
    // One meeting held, the next one planned.
    let title = Name::parse("Overlegvergadering")?;
    let planned = timeline.by("medewerker@woonstad.test", timeline.days_ago(62), 11);
    overleg::add_meeting(&mut tx, &scope, &planned, sleutel, timeline.days_ago(60), &title).await?;
    let planned = timeline.by("medewerker@woonstad.test", timeline.days_ago(3), 11);
    overleg::add_meeting(&mut tx, &scope, &planned, sleutel, timeline.today + Duration::days(18), &title).await?;
    let january = time::Date::from_calendar_date(timeline.today.year(), Month::January, 15)?;
    let budgeted = timeline.by("admin@woonstad.test", january, 10);
    overleg::set_budget(&mut tx, &scope, &budgeted, sleutel, timeline.today.year(), Money::from_cents(1_250_000))
        .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::plan_year;
    use time::macros::date;

    #[test]
    fn plans_are_for_the_coming_july() {
        assert_eq!(plan_year(date!(2026 - 12 - 04)), 2027);
        assert_eq!(plan_year(date!(2026 - 07 - 01)), 2027);
        assert_eq!(plan_year(date!(2027 - 02 - 10)), 2027);
        assert_eq!(plan_year(date!(2027 - 06 - 30)), 2027);
    }
}
