// Bank return files as a bank writes them, for the tests: a pain.002 status report and a camt.054 notification.

export const pain002 = (
  lines: { id: string; status: string; code?: string }[],
  msgId = 'BANK-STS-1',
) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>${msgId}</MsgId><CreDtTm>2026-12-06T08:00:00</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>ABRI-SDD-20261205-1</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>ABRI-SDD-20261205-1-RCUR</OrgnlPmtInfId>
      ${lines
        .map(
          (l) =>
            `<TxInfAndSts><OrgnlEndToEndId>${l.id}</OrgnlEndToEndId><TxSts>${l.status}</TxSts>${
              l.code ? `<StsRsnInf><Rsn><Cd>${l.code}</Cd></Rsn></StsRsnInf>` : ''
            }</TxInfAndSts>`,
        )
        .join('\n')}
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>`;

export const camt054 = (returns: { id: string; code: string }[], msgId = 'BANK-NTF-1') => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${msgId}</MsgId><CreDtTm>2026-12-09T08:00:00</CreDtTm></GrpHdr>
    <Ntfctn><Id>N1</Id>
      <Ntry><Amt Ccy="EUR">42.10</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
        <NtryDtls>
          ${returns
            .map(
              (r) =>
                `<TxDtls><Refs><EndToEndId>${r.id}</EndToEndId></Refs><RtrInf><Rsn><Cd>${r.code}</Cd></Rsn></RtrInf></TxDtls>`,
            )
            .join('\n')}
          <TxDtls><Refs><EndToEndId>CREDIT-NOT-A-RETURN</EndToEndId></Refs></TxDtls>
        </NtryDtls>
      </Ntry>
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>`;
