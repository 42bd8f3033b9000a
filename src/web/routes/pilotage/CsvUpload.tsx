import { useState, type ReactNode } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import type { ResponseOf } from "../../../domain/api/contract.js";
import type { ApiContract } from "../../../domain/api/index.js";
import { integer, readTextFile, steeringApi, type Problem } from "./api.js";
import { FileReport } from "./FileReport.js";

/** A CSV file field: reads the chosen file as UTF-8 text within a size limit, or says why not. */
export function CsvUpload({
  label,
  name,
  maxBytes,
  onText,
  onRefused,
  onCleared,
}: {
  label: string;
  name: string;
  maxBytes: number;
  onText(text: string, fileName: string): void;
  onRefused(message: string): void;
  onCleared(): void;
}) {
  const { t } = useLingui();
  const megabytes = integer(Math.round(maxBytes / 1_000_000));
  return (
    <Upload
      label={label}
      hint={t`CSV en UTF-8, ${megabytes} Mo au plus.`}
      nativeInputProps={{
        name,
        accept: ".csv,text/csv",
        onChange: async (e) => {
          const file = e.target.files?.[0];
          onCleared();
          if (!file) return;
          const read = await readTextFile(file, maxBytes);
          if (read.ok) onText(read.text, file.name);
          else onRefused(read.message);
        },
      }}
    />
  );
}

/**
 * A whole CSV import section: choose the file, optionally name the source, send it, then show the
 * server's summary or its line-by-line report.
 */
/** The endpoints that take a CSV file's text (`{ csv, source? }`) and answer a report. */
export type CsvRoute = "POST /pilotage/barometre/valeurs" | "POST /pilotage/barometre/objectifs" | "POST /pilotage/naissances";

export function CsvImportSection<R extends CsvRoute>({
  id,
  title,
  help,
  route,
  fileName,
  fileLabel,
  maxBytes,
  sourceName,
  buttonLabel,
  summarize,
  onDone,
}: {
  id: string;
  title: string;
  help: ReactNode;
  route: R;
  fileName: string;
  fileLabel: string;
  maxBytes: number;
  /** Name of the "source" text field; no field when absent. */
  sourceName?: string;
  buttonLabel: string;
  summarize(data: ResponseOf<ApiContract[R]>): string;
  onDone(): void;
}) {
  const [csv, setCsv] = useState<string | null>(null);
  const [source, setSource] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { t } = useLingui();
  async function send() {
    if (!csv) return;
    const body = { csv, ...(sourceName && source.trim() ? { source } : {}) };
    const res = await steeringApi<CsvRoute>(route, { body });
    if (res.ok) {
      setProblem(null);
      setDone(summarize(res.data as ResponseOf<ApiContract[R]>)); // the answer of `route`, one of the union's
      onDone();
    } else {
      setDone(null);
      setProblem(res.problem);
    }
  }
  return (
    <section aria-labelledby={id} className="fr-my-4w">
      <h2 id={id}>{title}</h2>
      <div className="fr-text--sm">{help}</div>
      <CsvUpload
        label={fileLabel}
        name={fileName}
        maxBytes={maxBytes}
        onText={(text) => setCsv(text)}
        onRefused={(message) => setProblem({ status: 0, title: t`Fichier refusé`, detail: message })}
        onCleared={() => setCsv(null)}
      />
      {sourceName && (
        <Input
          label={t`Source des chiffres (si le fichier n'a pas de colonne source)`}
          nativeInputProps={{ name: sourceName, value: source, onChange: (e) => setSource(e.target.value) }}
        />
      )}
      <Button disabled={!csv} onClick={() => void send()}>
        {buttonLabel}
      </Button>
      <div aria-live="polite" className="fr-mt-2w">
        {done && <Alert severity="success" small description={done} />}
        {problem && <FileReport problem={problem} />}
      </div>
    </section>
  );
}
