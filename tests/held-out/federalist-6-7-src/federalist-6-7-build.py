import re
lines = open('federalist-6-7-source.txt').read().split('\n')
# keep from "FEDERALIST No. 6" to the notes of No. 7 (end before "FEDERALIST No. 8")
start = lines.index('FEDERALIST No. 6'); end = lines.index('FEDERALIST No. 8')
src = lines[start:end]
# split into papers
papers=[]; cur=None
for l in src:
    if l.startswith('FEDERALIST No.'):
        cur=[l]; papers.append(cur)
    else: cur.append(l)
def paras(ls):
    out=[]; p=[]
    for l in ls:
        if l.strip()=='' :
            if p: out.append(p); p=[]
        else: p.append(l)
    if p: out.append(p)
    return out
def esc(s):
    s=s.replace('\\','\\\\').replace('--','\\(em').replace('é','\\[\'e]')
    return s
out=[]
out.append('.pdfinfo /Title The Federalist, Nos. 6 and 7')
out.append('.pdfinfo /Author Alexander Hamilton')
out.append('.ds LH The Federalist Papers')
out.append('.ds CH')
out.append('.ds RH')
out.append('.ds CF %')
out.append('.nr PS 11')
out.append('.nr VS 13')
out.append('.TL')
out.append('The Federalist, Nos. 6 and 7\\v\'-.4m\'\\s-3*\\s+3\\v\'.4m\'')
out.append('.FS *')
out.append('Text of Project Gutenberg eBook #1404; the papers\' own notes follow at the foot of each page.')
out.append('.FE')
out.append('.AU')
out.append('Alexander Hamilton')
for paper in papers:
    ps = paras(paper[1:])
    # find notes: paragraphs after the PUBLIUS line
    pi = [i for i,p in enumerate(ps) if p==['PUBLIUS']][0]
    body, notes = ps[:pi], ps[pi+1:]
    notetext={}
    for n in notes:
        m=re.match(r'(\d+)\. (.*)', ' '.join(n))
        notetext[m.group(1)]=m.group(2)
    out.append('.nr fn*text-num 0 1'); out.append('.nr fn*note-num 0 1')
    out.append('.SH')
    out.append(paper[0])
    # body[0] = subtitle, [1] = for the ..., [2] = HAMILTON, [3] = To the People
    out.append('.LP'); out.append('.ce 10'); out.append('\\fI'+esc(' '.join(body[0]))+'\\fP'); out.append('.ce 0')
    out.append('.LP'); out.append('.ce'); out.append(esc(' '.join(body[1])))
    out.append('.LP'); out.append('.ce'); out.append(esc(' '.join(body[2])))
    out.append('.LP'); out.append(esc(' '.join(body[3])))
    for p in body[4:]:
        out.append('.PP')
        for l in p:
            marks = re.findall(r'\((\d+)\)', l)
            l2 = re.sub(r'\((\d+)\)', r'\\**', esc(l))
            if l2.startswith('.') or l2.startswith("'"): l2='\\&'+l2
            out.append(l2)
            for mk in marks:
                out.append('.FS'); out.append(esc(notetext[mk])); out.append('.FE')
    out.append('.LP'); out.append('.rj'); out.append('PUBLIUS')
open('federalist-6-7-groff.ms','w').write('\n'.join(out)+'\n')
