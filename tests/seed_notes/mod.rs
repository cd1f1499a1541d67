//! Note texts copied verbatim from the seed articles (labels stripped; a
//! note split over two paragraphs in the seed is joined with one space).
//! Tests must not read `shared/`, so the facts live here.
#![allow(dead_code)]

/// Seed 000: the 36 `- ` bullets; the n-th bullet is note n.
pub const NOTES_000: [&str; 36] = [
    // 1
    r#"Takashi Mochizuki, “Russia, Japan Agree to Expand Security Cooperation—Warming Ties Likely to Send Signal to China”, The Wall Street Journal, 2 Nov, 2013, http://online.wsj.com/news/articles/SB10001424052702304073204579173242854677888"#,
    // 2
    r#"Ibid."#,
    // 3
    r#"“‘Russia’s New Asia Strategy: Assessing Russia’s Eastward Pivot’ Event Summary”, CSIS, 14 Nov, 2012, http://csis.org/files/attachments/121114_rep_kozyrev_summary.pdf"#,
    // 4
    r#"Subhash Kapila, “Russia’s Strategic Pivot to Asia Pacific”, South Asia Analysis Group, 8 Apr, 2013, http://www.southasiaanalysis.org/node/1231"#,
    // 5
    r#"Takashi Mochizuki, “Russia, Japan Agree to Expand Security Cooperation—Warming Ties Likely to Send Signal to China”, The Wall Street Journal, 2 Nov, 2013, http://online.wsj.com/news/articles/SB10001424052702304073204579173242854677888"#,
    // 6
    r#"“Economic Relations Between Russia and Japan”, The Embassy of The Russian Federation to Japan, http://www.russia-emb.jp/english/embassy/economic.html"#,
    // 7
    r#"“Russia Calls Closer Cooperation With Japan”, Voice of Russia, 12 Jan, 2012, http://voiceofrussia.com/2012/01/12/63724057/"#,
    // 8
    r#"“Russia Japan Can Negotiate Peace Treaty Without Preconditions—Lavrov”, Voice of Russia, 28 Jan, 2012, http://voiceofrussia.com/2012/01/28/64814087/"#,
    // 9
    r#"“Russia to Focus on Kurils”, Voice of Russia, 13 Oct, 2011, http://voiceofrussia.com/2011/10/13/58676130/"#,
    // 10
    r#"Mikhail Mozzhechkov, “Abe’s Russia Visit: Gas Prices and Territorial Dispute On Agenda”, Voice of Russia, 3 May, 2013, http://voiceofrussia.com/2013_05_03/BP-Mozzhechkov/"#,
    // 11
    r#"Richard Weitz, “The Thorn in Japan Russia Ties”, The Diplomat, 24 Feb, 2012, http://thediplomat.com/2012/02/24/the-thorn-in-japan-russia-ties/3/"#,
    // 12
    r#"“Russian-Japanese Relations”, The Embassy of The Russian Federation to Japan, http://www.russia-emb.jp/english/embassy/relations.html"#,
    // 13
    r#"“Japan FM Looks Russia’s South Kuril Islands”, Voice of Russia, 14 Jan, 2012, http://voiceofrussia.com/2012/01/14/63836446/"#,
    // 14
    r#"“Matviyenko Comfirms Russia’s stance on South Kurils”, Voice of Russia, 11 Jan, 2012, http://voiceofrussia.com/2012/01/11/63660021/"#,
    // 15
    r#"“Tokyo’s Kurils Statement ‘Unacceptable’-Moscow”, Voice of Russia, 14 Jan, 2013, http://voiceofrussia.com/2013_01_14/Moscow-says-Tokyo-s-Kurils-statement-unacceptable/"#,
    // 16
    r#"“Russia Calls Closer Cooperation With Japan”, Voice of Russia, 12 Jan, 2012, http://voiceofrussia.com/2012/01/12/63724057/"#,
    // 17
    r#"“Russia Threatens Critical Japanese Officials With Travel Restrictions Over Territorial Dispute”, Japan Daily Press, 27 Sept, 2013, http://japandailypress.com/russia-threatens-critical-japanese-officials-with-travel-restrictions-over-territorial-dispute-2736698/"#,
    // 18
    r#"“Medvedev ‘Uninterested’ In Japan’s Response to Kurils Visit”, Voice of Russia, 5 Jul, 2012, http://voiceofrussia.com/2012_07_05/Medvedev-indiffernt-Japan-reaction-trip-South-Kurils/"#,
    // 19
    r#"F. Joseph Dresen, “Japan and Russia: Strategic Positioning In East Asia”, Wilson Center, http://www.wilsoncenter.org/publication/japan-and-russia-strategic-positioning-east-asia"#,
    // 20
    r#"Mikhail Mozzhechkov, “Abe’s Russia Visit: Gas Prices and Territorial Dispute On Agenda”, Voice of Russia, 3 May, 2013, http://voiceofrussia.com/2013_05_03/BP-Mozzhechkov/"#,
    // 21
    r#"“Russia Japan Sign Energy Accords”, Voice of Russia, 29 Apr, 2013 http://voiceofrussia.com/2013_04_29/Japan-Russia-sign-energy-accords-507/"#,
    // 22
    r#"“Japan’s Official Position On S Kurils Far From Clear”, Voice of Russia, 7 Feb, 2013 http://voiceofrussia.com/2013_02_07/Japan-s-official-position-on-S-Kurils-far-from-clear/"#,
    // 23
    r#"“Japan to Set Up Publicity Office on Disputed Islands-Related Issues”, Voice of Russia, 8 Feb, 2013 http://voiceofrussia.com/2013_02_08/Japan-to-set-up-publicity-office-on-disputed-islands-related-issues/"#,
    // 24
    r#"“Russia to Focus on Kurils”, Voice of Russia, 13 Oct, 2011, http://voiceofrussia.com/2011/10/13/58676130/"#,
    // 25
    r#"“Japan to Continue Search For Solution to South Kurils Problem”, Voice of Russia, 7 Feb, 2013, http://voiceofrussia.com/2013_02_07/Japan-to-continue-search-for-solution-to-South-Kurils-problem/"#,
    // 26
    r#"“S Kurils Dispute to Dominate Japan PM’s Moscow Visit”, Voice of Russia, 28 Apr, 2013, http://voiceofrussia.com/2013_04_28/S-Kurils-dispute-to-dominate-Japan-PM-s-Moscow-visit-099/"#,
    // 27
    r#"Richard Weitz, “The Thorn in Japan Russia Ties”, The Diplomat, 24 Feb, 2012, http://thediplomat.com/2012/02/24/the-thorn-in-japan-russia-ties/3/"#,
    // 28
    r#"“Russia’s Pacific Fleet Fighters Didn’t Breach Japan’s Air Space-Russian Defense Ministry”, Voice of Russia, 7 Feb, 2013, http://voiceofrussia.com/2013_02_07/Russia-s-Pacific-Fleet-fighters-didn-t-breach-Japan-s-air-space-Russian-Defense-Ministry/"#,
    // 29
    r#"“Japan Scrambles Jets After ‘Russian Intrusion’”, Voice of Russia, 15 Jul, 2013, http://voiceofrussia.com/news/2013_07_15/Japan-scrambles-jets-after-Russian-intrusion-8395/"#,
    // 30
    r#"“Japanese S Korean Fighter Jets Follow Russian Bombers Over Sea of Japan’”, Voice of Russia, 15 Jul, 2013, http://voiceofrussia.com/news/2013_07_15/Japanese-S-Korean-fighter-jets-follow-Russian-bombers-over-Sea-of-Japan-1844/"#,
    // 31
    r#"“Russia, Japan to Hold Anti-Piracy Drill”, Voice of Russia, 23 Sept, 2012, http://voiceofrussia.com/2012_09_23/Russia-Japan-to-hold-anti-piracy-drill/"#,
    // 32
    r#"“Japan’s Foreign Minister Meets Russia’s Security Council Chief”, Voice of Russia, 23 Oct, 2012, http://voiceofrussia.com/2012_10_23/Japan-s-Foreign-Minister-meets-Russias-Security-Council-chief/"#,
    // 33
    r#"“Japanese Warships Arrive In St. Petersburg On First Visit”, Voice of Russia, 31 Jul, 2013, http://voiceofrussia.com/news/2013_07_31/Japanese-warships-arrive-in-St-Petersburg-on-first-visit-5437/"#,
    // 34
    r#"“Moscow Hopes US-Japanese Relations to Create No Problems for Russia-Lavrov”, Voice of Russia, 2 Nov, 2013, http://voiceofrussia.com/news/2013_11_02/Moscow-hopes-US-Japanese-relations-to-create-no-problems-for-Russia-Lavrov-2228/"#,
    // 35
    r#"“Russia, Japan Discuss US Missile Defense Network”, PanArmenian Network, 2 Nov, 2013, http://www.panarmenian.net/eng/news/172128/"#,
    // 36
    r#"Zachary Keck, “To Hedge Its Bets, Russia Is Encircling China”, The Diplomat, 5 Nov, 2013, http://thediplomat.com/flashpoints-blog/2013/11/05/to-hedge-its-bets-russia-is-encircling-china/"#,
];

/// Seed 003: the 41 notes after `Endnotes:`, superscript labels stripped.
pub const NOTES_003: [&str; 41] = [
    // 1
    r#"Joseph P. Ferguson, "Nordpolitik: Japan's New Russia Policy", *Journal of Public and International Affairs*, Vol.9, Spring 1998, p.24. <http://www.princeton.edu/jpia/past-issues-1/1998/2.pdf> (Accessed on January 18, 2014)."#,
    // 2
    r#"Talk were dissolved in 2003 due to the non-negotiable stand of Russia and Japan over the dispute."#,
    // 3
    r#""Russia, Japan agree to resume talks on peace treaty after stalling for 10 years", *RT Question More*, April 29, 2013. <http://rt.com/politics/treaty-stall-years-japan-565/> (Accessed on January 16, 2013)."#,
    // 4
    r#""Japanese PM visits Russia to build 'personal confidence-based relations', *RT Question More*, April 28, 2013. <http://rt.com/news/japan-abe-visit-russia-524/> (Accessed on January 16, 2013)"#,
    // 5
    r#""Russia, Japan agree to resume talks", op. cit."#,
    // 6
    r#"Kimura, "Basic Determinants of Soviet-Japanese Relations", op.cit., p.74."#,
    // 7
    r#"Ibid."#,
    // 8
    r#"Mark A Smith, "Russo-Japanese Relations", *Conflict Studies Research Centre*, F84, October 2003, p.2."#,
    // 9
    r#""Japanese PM Visits Russia", op.cit. Article 9 of the October 1956 Soviet-Japanese Declaration that ended the state of war between the USSR and Japan stated that the two southernmost islands would be transferred to Japan when a peace treaty was concluded. However, Moscow's aversion to losing territory would appear to make it impossible for her to conclude a treaty as she would then have to abide by the 1956 Declaration and transfer the islands. It is therefore unsurprising that no agreement on signing a peace treaty has been reached till date. Smith, "Russo-Japanese Relations", op.cit, p.4."#,
    // 10
    r#"Smith, "Russo-Japanese Relations", op.cit, p.5."#,
    // 11
    r#"Alexei Zagorsky, "Russian-Japanese relations: back to the Deadlock", *SIPRI*, p. 337. <http://books.sipri.org/files/books/SIPRI99Chu/SIPRI99Chu21.pdf> (Accessed on January 20, 2014)."#,
    // 12
    r#"Bobo Lo, *Russia Foreign Policy in the Post-Soviet Era*, (New York: Palgrave Macmillan, 2002), p. 47."#,
    // 13
    r#"Zagorsky, "Russian-Japanese relations", op.cit., p. 337."#,
    // 14
    r#"Bobo Lo, *Russia Foreign Policy*, op.cit., p. 180."#,
    // 15
    r#"Smith, "Russo-Japanese Relations", op.cit, p.4."#,
    // 16
    r#"Ibid, p.5-6."#,
    // 17
    r#"Fiona Hill and Bobo Lo, "Putin's Pivot: Why Russia is Looking East", *Brookings*, July 31, 2013. <http://www.brookings.edu/research/opinions/2013/07/31-russia-china-pacific-pivot-hill> (accessed on January 16, 2014)."#,
    // 18
    r#"Concept of the Foreign Policy of the Russian Federation", *Approved by President of the Russian Federation V. Putin*, 12 February 2013, http://www.mid.ru/brp_4.nsf/0/76389FEC168189ED44257B2E0039B16D (Accessed on January 16, 2013)."#,
    // 19
    r#"The Article prohibits the use of war to settle international disputes. John Hofilena, “PM Abe publicly declares need to revise Japan’s pacifist constitution”, Japan Daily Press, January 2, 2014. <http://japandailynews.com/pm-abe-publicly-declares-need-to-revise-japan-pacifist-constitution-0241747/> (January 28, 2014)."#,
    // 20
    r#"Stephen Lippert, “Senkaku Islands tensions drive Russia and Japan closer”, *World Review*, December 10, 2013. <http://www.worldreview.info/content/senkaku-islands-tensions-drive-russia-and-japan-closer> (Accessed on January 16, 2013)."#,
    // 21
    r#"Kamal Davar, “The Indo-pacific ‘Great Game’ Unfolds”, *The Hindustan Times*, January 24, 2014."#,
    // 22
    r#"Jonathan Soble, “Abe lays out vision of Japan power in Asia”, *FT*, February 22, 2013. <http://www.ft.com/intl/cms/s/0/4c2cb178-7d1f-11e2-8bd7-00144feabdc0.html#axzz2rsTjcP3H> (Accessed on January 28, 2014)"#,
    // 23
    r#"Kanwal Sibal, “Let the Economy Blossoms Bloom”, *The Hindustan Times*, January 23, 2014."#,
    // 24
    r#"In 2012 the trade between Russia and Japan was \$32 billion, there is an increase in growth from 2010. In 2010, it was \$24.1 billion, however in comparison with China, the figure is still not encouraging. “Japan-Russia Economic Relationship: Present Condition and Future Possibilities”, *Ministry of Economy, Trade and Industry, Japan*, November 15, 2011. <http://www.erina.or.jp/en/Research/dlp/2011/jreed/K-4%20TSUDA.pdf> (Accessed on February 26, 2014) and “Japan and Russia: Trade before territory?” *Al Jazeera*, April 30, 2013. <http://www.aljazeera.com/programmes/insidestory/2013/04/201343063855819312.html> (Accessed on February 26, 2014)."#,
    // 25
    r#"Zagorsky, “Russian–Japanese relations”, op.cit., p.356."#,
    // 26
    r#"“Russian draft energy strategy sees 23% of exports to Asia-Pacific by 2035”, *Platts MacGrow Hill Finance*, January 24, 2014. <http://www.platts.com/latest-news/natural-gas/moscow/russian-draft-energy-strategy-sees-23-of-exports-26649363> (Accessed on January 24, 2014)."#,
    // 27
    r#"Shamshad A. Khan, “No Solution in Sight for Russo-Japanese Territorial Dispute”, *IDSIA*, February 24, 2011. http://www.idsa.in/idsacomments/RussoJapaneseTerritorialDispute_ShamshaAKhan_240211 (Accessed on February 14, 2014)"#,
    // 28
    r#"*Ibid.*"#,
    // 29
    r#"“Japanese business welcomes Putin growth plans for Siberia and Far East”, *The Voice of Russia*, December 13, 2013. http://voiceofrussia.com/news/2013_12_13/Japanese-business-welcomes-Putin-growth-plans-for-Siberia-and-Far-East-8388/ (Accessed on January 24, 2014)."#,
    // 30
    r#"Andrew Bowen, “Is Russia Losing Control of Its Far East?” *The Interpreter*, October 2, 2013. <http://www.interpretermag.com/is-russia-losing-control-of-its-far-east/> (Accessed on January 28, 2014)."#,
    // 31
    r#"“Japan economy minister to discuss cooperation projects in Moscow”, *The Voice of Russia*, December 25, 2013. http://voiceofrussia.com/news/2013_12_25/Japan-economy-minister-to-discuss-cooperation-projects-in-Moscow-7944/ (Accessing on January 24, 2014)."#,
    // 32
    r#"Lippert, “Senkaku Islands tensions”, op.cit."#,
    // 33
    r#"Joao Peixe, “Russia Fears China’s Growing Influence in Siberia and the Far East”, *Oil Price*, August 9, 2012. <http://oilprice.com/Latest-Energy-News/World-News/Russia-Fears-Chinas-Growing-Influence-in-Siberia-and-the-Far-East.html> (Accessed on January 28, 2014)."#,
    // 34
    r#"Bowen, “Is Russia Losing Control?” op.cit."#,
    // 35
    r#"Jeffrey Mankoff, “Japan-Russia Ties Are an Opportunity for U.S.”, *The Moscow Times*, February 21, 2014. <http://www.themoscowtimes.com/opinion/article/japan-russia-ties-an-opportunity-for-the-us/494786.html> (Accessed on February 27, 2014)."#,
    // 36
    r#"Mari Yamaguchi, "Japan, Russia Agree to Expand Defense Ties", *USA Today*, November 2, 2013. <http://www.usatoday.com/story/news/world/2013/11/02/japan-russia-defense-ties/3371227/> (Accessed on January 28, 2014)."#,
    // 37
    r#"Russia and China have begun their first naval war games in the Mediterranean in what is seen as preparation for joint military operations in the world ocean far away from their territorial waters. Vladimir Radyuhin, "Russia, China launch war games in the Mediterranean", *The Hindu*, January 26, 2013. <http://www.thehindu.com/news/international/world/russia-china-warships-launch-1st-joint-drill-in-mediterranean/article5617893.ece> (Accessed on January 27, 2014)."#,
    // 38
    r#"Hakamada Shigeki, "Relations with Russia: An Economic Upper Hand for Japan", *Nippon*, July 22, 2013. <http://www.nippon.com/en/currents/d00084/> (Accessed on January 23, 2014)."#,
    // 39
    r#""Russia-Japan relations contribute to Asia Pacific security, stability – Putin", *The Voice of Russia*, December 23, 2013. http://voiceofrussia.com/news/2013_12_23/Russia-Japan-relations-contribute-to-Asia-Pacific-security-stability-Putin-4036/ (Accessed on January 27, 2014)."#,
    // 40
    r#""Russia interested in Japan's participation in Geneva-2 – Lavrov", *The Voice of Russia*, November 2, 2013. http://voiceofrussia.com/news/2013_11_02/Russia-interested-in-Japan-s-participation-in-Geneva-2-Lavrov-2997/ (Accessed on January 23, 2014)."#,
    // 41
    r#"Jonathan B. Miller, "Japan, Russia Should Look To Each Other", *Forbes*, September 26, 2012. <http://www.forbes.com/sites/jonathanmiller/2012/09/26/japan-russia-should-look-to-each-other/> (Accessed on January 29, 2014)"#,
];

/// Seed 004: the 13 numbered notes, `n. ` stripped.
pub const NOTES_004: [&str; 13] = [
    // 1
    r#"Even after the Ukraine crisis, the Japanese government continued to send its national security advisor and other security officials to Russia. Moreover, it was the only G7 state, as in 2017, to hold 2+2 talks of its foreign and defense ministers with Russia."#,
    // 2
    r#"For example, in December 2016, when Putin visited Japan, Abe at the joint press conference said, “there is no Japan-Russia peace treaty 71 years after the war. In this abnormal situation, we must put an end to this through our efforts.” See “Earnest Determination toward a Peace Treaty Declaration at the Japan-Russia Summit without Touching on the Return of the Northern Territories,” Tokyo Shimbun, December 17, 2016."#,
    // 3
    r#"“Putin Sees Opening with Japan on World War II Island Dispute,” Bloomberg, September 2, 2016."#,
    // 4
    r#"“Russian Demand Northern Territories Exclusion from Japan-US Security Treaty after Their Hypothetical Return,” Hokkaido Shimbun, October 15, 2016."#,
    // 5
    r#"The Russian side expressed its displeasure at leaks to the media of such sensitive contents from the talks. “‘US Bases on the Northern Territories,’ Discussed—Russia,” Jiji Tsushin, December 14, 2016."#,
    // 6
    r#"For example, consider the opinion of Luzhanin of the Institute of the Far East of the Academy of Sciences: “Sem’ prichin, po kotorym Rossiia ne mozhet otdat’ Kurily Iaponii,” RIA Novosti, September 12, 2016."#,
    // 7
    r#"Dmitrii Trenin and Iuval Veber, “Tikhookeanskoe budushchee Rossii: uregulirovanie spora vokrug Iuzhnykh Kuril,” January 30, 2013, http://carnegie.ru/2013/01/30/ru-pub-50956."#,
    // 8
    r#"“Gross Domestic Product 2016,” World Bank, http://databnk.worldbank.org/data/download/GDP.pdf."#,
    // 9
    r#"“In the years just ahead the Federation will not provide money for the program for the development of the Kurile Islands,” SAKHALIN.INFO, December 20, 2016."#,
    // 10
    r#"“Kliuchi ot neba,” Boevaia Vakhta, November 19, 2016."#,
    // 11
    r#"Joint Staff Office of Ministry of Defense of Japan, “On the Movements of a Russian Naval Vessel,” November 20, 2015, http://www.mod.go.jp/js/Press/press2015/press_pdf/p20151120_01.pdf."#,
    // 12
    r#"Joint Staff Office of Ministry of Defense of Japan, “On the Flight of a Russian Plane over the East China Sea,” November 22, 2016, http://www.mod.go.jp/js/Press/press2016/press_pdf/p20161122_01.pdf."#,
    // 13
    r#"Petr Goncharov, “Protivoraketnaia oborona kak neizbezhnost’?” RIA Novosti, December 25, 2007."#,
];
