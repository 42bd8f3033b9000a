import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useParent } from "../../state/parent.js";

/** « Affiner mon calendrier »: the profile's calendar options (each adds or removes events). */
export function CalendarOptions() {
  const { profile, setProfile } = useParent("profile", "setProfile");
  if (!profile) return null;
  const options = profile.calendar ?? { unmarried: false, diabetesRisk: false, bcg: false };
  const setOption = (key: keyof typeof options, value: boolean) => void setProfile({ ...profile, calendar: { ...options, [key]: value } });
  return (
    <section aria-labelledby="affiner" className="fr-mt-5w">
      <h2 id="affiner">Affiner mon calendrier</h2>
      <Checkbox
        options={[
          {
            label: "Nous ne sommes pas mariés",
            hintText: "Pour vous rappeler la reconnaissance anticipée de l'enfant",
            nativeInputProps: { checked: options.unmarried, onChange: (e) => setOption("unmarried", e.target.checked) },
          },
          {
            label: "J'ai un facteur de risque de diabète de grossesse",
            hintText: "Par exemple : diabète de grossesse déjà eu, surpoids, 35 ans ou plus, diabète chez un parent proche",
            nativeInputProps: { checked: options.diabetesRisk, onChange: (e) => setOption("diabetesRisk", e.target.checked) },
          },
          {
            label: "Le BCG est recommandé pour mon enfant",
            hintText: "Par exemple en Guyane, à Mayotte, ou si un proche a eu la tuberculose : votre médecin vous le dit",
            nativeInputProps: { checked: options.bcg, onChange: (e) => setOption("bcg", e.target.checked) },
          },
        ]}
      />
    </section>
  );
}
