import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useLingui } from "@lingui/react/macro";
import { useParent } from "../../state/parent.js";

/** « Affiner mon calendrier »: the profile's calendar options (each adds or removes events). */
export function CalendarOptions() {
  const { profile, setProfile } = useParent("profile", "setProfile");
  const { t } = useLingui();
  if (!profile) return null;
  const options = profile.calendar ?? { unmarried: false, diabetesRisk: false, bcg: false };
  const setOption = (key: keyof typeof options, value: boolean) => void setProfile({ ...profile, calendar: { ...options, [key]: value } });
  return (
    <section aria-labelledby="affiner" className="fr-mt-5w">
      <h2 id="affiner">{t`Affiner mon calendrier`}</h2>
      <Checkbox
        options={[
          {
            label: t`Nous ne sommes pas mariés`,
            hintText: t`Pour vous rappeler la reconnaissance anticipée de l'enfant`,
            nativeInputProps: { checked: options.unmarried, onChange: (e) => setOption("unmarried", e.target.checked) },
          },
          {
            label: t`J'ai un facteur de risque de diabète de grossesse`,
            hintText: t`Par exemple : diabète de grossesse déjà eu, surpoids, 35 ans ou plus, diabète chez un parent proche`,
            nativeInputProps: { checked: options.diabetesRisk, onChange: (e) => setOption("diabetesRisk", e.target.checked) },
          },
          {
            label: t`Le BCG est recommandé pour mon enfant`,
            hintText: t`Par exemple en Guyane, à Mayotte, ou si un proche a eu la tuberculose : votre médecin vous le dit`,
            nativeInputProps: { checked: options.bcg, onChange: (e) => setOption("bcg", e.target.checked) },
          },
        ]}
      />
    </section>
  );
}
