//! Demo overleg: cases in every stage, dated around today, with a meeting and a budget.

use super::*;

/// Example overleg cases in every stage, dated around today, with a meeting and a budget for this year.
pub(super) async fn seed_overleg(
    db: &Db,
    corporation: i64,
    (sleutel, noord): (i64, i64),
    actor: &Actor,
) -> anyhow::Result<()> {
    let scope = crate::seed_scope(corporation);
    let today = dutch_date(time::OffsetDateTime::now_utc());
    let days = time::Duration::days;
    let case = |tenant_org_id, kind, subject, title: &str, explanation: &str, received_on, clusters: &[&str]| {
        Ok::<_, anyhow::Error>(NewCase {
            tenant_org_id,
            kind,
            subject,
            title: Name::parse(title)?,
            explanation: LongText::parse(explanation)?,
            received_on,
            agreed_weeks: None,
            clusters: clusters.iter().map(|c| (*c).to_owned()).collect(),
        })
    };
    let cases = [
        case(
            sleutel,
            RequestKind::Advice,
            Subject::Maintenance,
            "Renovatie en isolatie complex De Linde",
            "Wij willen in 2027 de 120 woningen van complex De Linde isoleren (dak, gevel, vloer) en nieuwe kozijnen \
             plaatsen. De huurverhoging na renovatie is € 25 per maand; 70% van de bewoners moet instemmen met het \
             sociaal plan. Wij vragen uw advies over het plan en het sociaal plan.",
            today - days(10),
            &["CPX000004"],
        )?,
        case(
            sleutel,
            RequestKind::Consent,
            Subject::ServiceCosts,
            "Servicekosten 2027: schoonmaak trappenhuizen",
            "Wij willen de schoonmaak van de trappenhuizen onderbrengen bij een nieuw bedrijf. De servicekosten \
             stijgen met € 1,85 per maand. Hiervoor vragen wij uw instemming (art. 5a Overlegwet).",
            today - days(30),
            &[],
        )?,
        case(
            sleutel,
            RequestKind::Information,
            Subject::Maintenance,
            "Meerjarenonderhoudsplan 2027",
            "Ter informatie: het onderhoudsplan voor 2027 met de complexen die aan de beurt zijn.",
            today - days(5),
            &[],
        )?,
        case(
            sleutel,
            RequestKind::Advice,
            Subject::RentPolicy,
            "Huurbeleid 2027",
            "Wij stellen voor de huren per 1 juli 2027 met de inflatie te verhogen, en huren boven de \
             streefhuur te bevriezen. Wij vragen uw advies.",
            today - days(50),
            &[],
        )?,
        case(
            noord,
            RequestKind::Advice,
            Subject::Allocation,
            "Voorrang voor ouderen bij nieuwbouw Noord",
            "Wij willen ouderen uit de wijk voorrang geven bij de 40 nieuwe woningen aan de Noordkade.",
            today - days(80),
            &[],
        )?,
    ];
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for new in &cases {
        ids.push(overleg::create(&mut tx, &scope, actor, new).await?);
    }
    // The rent policy was advised on ten days ago; the corporation still has to decide.
    let tenant_scope = crate::seed_scope(sleutel);
    let rent = overleg::get_in(tx.conn(), &tenant_scope, ids[3]).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let advice = "Wij adviseren de huren niet meer dan de inflatie te verhogen en de huren van de kleinste \
                  woningen te bevriezen.";
    let answer = Answer { kind: AnswerKind::Advice, text: Some(advice.to_owned()), on: today - days(10) };
    overleg::answer(&mut tx, &tenant_scope, actor, &rent, rent.version, &answer).await?;
    // Bewonersraad Noord's advice was not followed, with reasons.
    let noord_scope = crate::seed_scope(noord);
    let allocation =
        overleg::get_in(tx.conn(), &noord_scope, ids[4]).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let answer = Answer {
        kind: AnswerKind::Advice,
        text: Some("Geef ook jonge gezinnen uit de wijk voorrang.".to_owned()),
        on: today - days(40),
    };
    overleg::answer(&mut tx, &noord_scope, actor, &allocation, allocation.version, &answer).await?;
    let reply = "De gemeente wijst jonge gezinnen al voorrang toe in de nieuwbouw aan de Zuidkade; hier kiezen \
                 wij voor ouderen om doorstroming op gang te brengen.";
    let decision =
        DecisionRecord { decision: Decision::NotFollowed, reply: Some(reply.to_owned()), on: today - days(30) };
    let allocation =
        overleg::get_in(tx.conn(), &scope, allocation.id).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    overleg::decide(&mut tx, &scope, actor, &allocation, allocation.version, &decision).await?;
    overleg::add_meeting(&mut tx, &scope, actor, sleutel, today - days(60), &Name::parse("Overlegvergadering")?)
        .await?;
    overleg::set_budget(&mut tx, &scope, actor, sleutel, today.year(), Money::from_cents(1_250_000)).await?;
    tx.commit().await?;
    Ok(())
}
